// Runs the integration suite inside a real VS Code extension host (code-server + headless Chromium) and exits
// with the suite's code. Usage: tsx test/codeServer/runInCodeServer.ts [--extension DIR] [--tests MODULE]
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/chromium';
import { mochaLinePrefix, prefixMochaLinesVariable } from '../support/hostLog';
import { makeTempDirs, repoRoot, startCodeServer, writeUserSettings } from './codeServer';

const hardTimeoutMs = Number(process.env.API_LOGS_IN_HOST_TIMEOUT_MS ?? 6 * 60_000);
const verbose = process.env.API_LOGS_VERBOSE === '1';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index > 0 && process.argv[index + 1] ? resolve(process.argv[index + 1] as string) : fallback;
}

/** The smoke-test driver payload that makes the web workbench run extension tests. */
function payloadUrl(origin: string, workspace: string, extension: string, tests: string): string {
  const remote = (path: string) => `vscode-remote://${new URL(origin).host}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extension)],
    ['extensionTestsPath', remote(tests)],
  ];
  return `${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * The extension host's console output reaches the workbench log mixed with the workbench's own noise (open-vsx,
 * GitHub auth…). Mocha's lines carry a prefix (test/support/hostLog.ts) and are printed as they come; the
 * workbench's errors are kept and shown only when the run fails.
 */
class LogFilter {
  private readonly errors: string[] = [];

  onLog(level: string, message: string): void {
    const mochaLine = message.startsWith(mochaLinePrefix) ? message.slice(mochaLinePrefix.length) : undefined;
    if (mochaLine !== undefined) process.stdout.write(`${mochaLine}\n`);
    else if (verbose) process.stderr.write(`[workbench ${level}] ${message}\n`);
    else if (level === 'error' && !/open-vsx\.org|^Canceled/.test(message)) this.errors.push(message);
  }

  printErrors(): void {
    for (const message of this.errors.slice(-20)) process.stderr.write(`[workbench error] ${message}\n`);
  }
}

async function runSuite(page: Page, url: string, log: LogFilter): Promise<number> {
  const exitCode = new Promise<number>((done) => {
    void page.exposeFunction('codeAutomationExit', (code: number) => done(code));
  });
  await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => log.onLog(level, String(message)));
  // The workbench's first load is slow on a busy machine; the run's own hard timeout bounds it anyway.
  await page.goto(url, { timeout: hardTimeoutMs, waitUntil: 'domcontentloaded' });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<number>((done) => {
    timer = setTimeout(() => {
      process.stderr.write(`In-host tests did not finish within ${hardTimeoutMs / 1000} s\n`);
      done(1);
    }, hardTimeoutMs);
  });
  const code = await Promise.race([exitCode, timeout]);
  clearTimeout(timer);
  return code;
}

async function main(): Promise<number> {
  const extension = argument('--extension', repoRoot);
  const tests = argument('--tests', resolve(repoRoot, 'out/test/integration/index'));
  const dirs = makeTempDirs();
  writeUserSettings(dirs);
  const onOutput = verbose ? (line: string) => process.stderr.write(`[code-server] ${line}\n`) : undefined;
  const env = { [prefixMochaLinesVariable]: '1' };
  const server = await startCodeServer({ dirs, vscodeOptions: ['enable-smoke-test-driver'], env, onOutput });
  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const log = new LogFilter();
    const code = await runSuite(page, payloadUrl(server.origin, dirs.workspace, extension, tests), log);
    if (code !== 0) log.printErrors();
    return code;
  } finally {
    await browser.close();
    await server.stop();
    dirs.remove();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
