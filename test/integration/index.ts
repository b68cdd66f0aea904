import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import { CountingReporter } from '../support/countingReporter';
import { mochaLinePrefix, prefixMochaLinesVariable } from '../support/hostLog';

/** Entry point VS Code calls (`extensionTestsPath`) inside the extension host. Rejects when a test fails. */
export function run(): Promise<void> {
  const prefix = process.env[prefixMochaLinesVariable] ? mochaLinePrefix : '';
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(prefix + format(...args));
  // API_LOGS_TEST_GREP runs only the matching tests (a developer's shortcut; the extension host inherits it).
  const grep = process.env.API_LOGS_TEST_GREP;
  const strict = { forbidOnly: true, forbidPending: true };
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: CountingReporter, ...strict, ...(grep ? { grep } : {}) });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  return new Promise((done, fail) => {
    mocha.run((failures) => (failures > 0 ? fail(new Error(`${failures} integration test(s) failed`)) : done()));
  });
}

function testFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => join(root, file));
}
