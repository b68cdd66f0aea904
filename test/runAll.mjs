// `npm test`: type-check, build, then every test layer. Prints "<layer>: N passed, N failed" per layer and, last,
// the totals alone on a line. A layer that runs zero tests, or fails to run, fails the whole run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const countsVariable = 'API_LOGS_TEST_COUNTS';
const reporter = './test/support/countingReporter.cjs';
const mocha = (glob, ...extra) => ['npx', 'mocha', '--import=tsx', glob, '--reporter', reporter, ...extra];

const steps = [
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'] },
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'] },
  { name: 'typecheck tests harness', command: ['npm', 'run', '--silent', 'typecheck:harness'] },
  { name: 'build', command: ['npm', 'run', '--silent', 'build'], required: true },
  { name: 'compile integration suite', command: ['npm', 'run', '--silent', 'compile:integration'] },
  { name: 'install code-server', command: ['bash', 'test/codeServer/install.sh'] },
];

const layers = [
  { name: 'unit', command: mocha('test/unit/**/*.test.ts') },
  { name: 'contract', command: mocha('test/contract/**/*.test.ts', '--timeout', '120000') },
  { name: 'webview', command: mocha('test/webview/**/*.test.ts', '--timeout', '60000') },
  { name: 'integration', command: ['npx', 'tsx', 'test/codeServer/runInCodeServer.ts'] },
  // The UI layer installs the production .vsix, so packaging (a minified rebuild of dist/) waits until here.
  { name: 'ui', before: ['npm', 'run', '--silent', 'package'], command: mocha('test/ui/**/*.test.ts', '--timeout', '180000') },
];

function run(name, command, env = {}) {
  process.stdout.write(`\n── ${name}: ${command.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`── ${name}: ${result.status === 0 ? 'ok' : `exit code ${result.status ?? result.signal}`} (${seconds} s)\n`);
  return result.status === 0;
}

function runLayer(layer, dir) {
  const countsFile = join(dir, `${layer.name}.json`);
  const prepared = !layer.before || run(`${layer.name} (prepare)`, layer.before);
  const exitedCleanly = prepared && run(layer.name, layer.command, { [countsVariable]: countsFile });
  const counts = existsSync(countsFile) ? JSON.parse(readFileSync(countsFile, 'utf8')) : { passed: 0, failed: 0 };
  const problems = [];
  if (counts.passed + counts.failed === 0) problems.push('no tests ran');
  if (!exitedCleanly && counts.failed === 0) problems.push('the layer exited with an error');
  return { name: layer.name, passed: counts.passed, failed: counts.failed, problems };
}

function main() {
  const started = Date.now();
  const failedSteps = [];
  for (const step of steps) {
    if (run(step.name, step.command)) continue;
    failedSteps.push(step.name);
    if (step.required) break;
  }
  const dir = mkdtempSync(join(tmpdir(), 'api-logs-counts-'));
  const results = failedSteps.includes('build') ? [] : layers.map((layer) => runLayer(layer, dir));
  rmSync(dir, { recursive: true, force: true });

  process.stdout.write(`\n── summary (${Math.round((Date.now() - started) / 1000)} s)\n`);
  for (const { name, passed, failed, problems } of results) {
    process.stdout.write(`${name}: ${passed} passed, ${failed} failed${problems.length ? ` (${problems.join('; ')})` : ''}\n`);
  }
  const broken = [...failedSteps, ...results.filter((r) => r.failed > 0 || r.problems.length > 0).map((r) => r.name)];
  if (broken.length > 0) process.stdout.write(`FAILED: ${broken.join(', ')}\n`);
  const total = (key) => results.reduce((sum, result) => sum + result[key], 0);
  process.stdout.write(`${total('passed')} passed, ${total('failed')} failed\n`);
  return broken.length > 0 ? 1 : 0;
}

process.exitCode = main();
