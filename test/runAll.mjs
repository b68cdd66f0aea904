// `npm test`: type-check, build, then every test layer. Prints "<layer>: N passed, N failed" per layer and, last,
// the totals alone on a line. A layer that runs zero tests, skips one, fails to run or overruns its time limit
// fails the whole run.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runWithLimit, strictMochaFlags } from './support/processTree.ts';

const countsVariable = 'API_LOGS_TEST_COUNTS';
const reporter = './test/support/countingReporter.cjs';
const mocha = (glob, ...extra) => ['npx', 'mocha', '--import=tsx', glob, '--reporter', reporter, ...strictMochaFlags, ...extra];
const minutes = (count) => count * 60_000;

// Each limit is several times the step's time on a loaded 2-core machine; together they bound a hung run.
const steps = [
  { name: 'lint', command: ['npm', 'run', '--silent', 'lint'], limitMs: minutes(5) },
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'], limitMs: minutes(5) },
  { name: 'typecheck tests harness', command: ['npm', 'run', '--silent', 'typecheck:harness'], limitMs: minutes(3) },
  { name: 'build', command: ['npm', 'run', '--silent', 'build'], limitMs: minutes(3), required: true },
  { name: 'compile integration suite', command: ['npm', 'run', '--silent', 'compile:integration'], limitMs: minutes(3) },
  { name: 'install code-server', command: ['bash', 'test/codeServer/install.sh'], limitMs: minutes(20) },
];

const layers = [
  // mocha's default 2 s per test is a limit on elapsed time that a busy machine breaks; 60 s only catches hangs.
  { name: 'unit', command: mocha('test/unit/**/*.test.ts', '--timeout', '60000'), limitMs: minutes(6) },
  { name: 'contract', command: mocha('test/contract/**/*.test.ts', '--timeout', '120000'), limitMs: minutes(6) },
  { name: 'webview', command: mocha('test/webview/**/*.test.ts', '--timeout', '120000'), limitMs: minutes(12) },
  { name: 'integration', command: ['npx', 'tsx', 'test/codeServer/runInCodeServer.ts'], limitMs: minutes(10) },
  // The UI layer installs the production .vsix, so packaging (a minified rebuild of dist/) waits until here.
  {
    name: 'ui',
    before: { command: ['npm', 'run', '--silent', 'package'], limitMs: minutes(3) },
    command: mocha('test/ui/**/*.test.ts', '--timeout', '180000'),
    limitMs: minutes(10),
  },
];

// Ctrl+C reaches only this process (each command runs in its own process group); the exit handlers of
// runWithLimit then kill the running command's groups.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

async function run(name, command, limitMs, env = {}) {
  process.stdout.write(`\n── ${name}: ${command.join(' ')}\n`);
  const started = Date.now();
  const { code, signal, timedOut } = await runWithLimit(command, limitMs, env);
  const seconds = Math.round((Date.now() - started) / 1000);
  const outcome = timedOut ? `killed after its ${limitMs / 1000} s limit` : code === 0 ? 'ok' : `exit code ${code ?? signal}`;
  process.stdout.write(`── ${name}: ${outcome} (${seconds} s)\n`);
  return { ok: code === 0 && !timedOut, timedOut };
}

async function runLayer(layer, dir) {
  const countsFile = join(dir, `${layer.name}.json`);
  const prepared = !layer.before || (await run(`${layer.name} (prepare)`, layer.before.command, layer.before.limitMs)).ok;
  const outcome = prepared ? await run(layer.name, layer.command, layer.limitMs, { [countsVariable]: countsFile }) : { ok: false };
  const counts = existsSync(countsFile) ? JSON.parse(readFileSync(countsFile, 'utf8')) : { passed: 0, failed: 0, pending: 0 };
  const problems = [];
  if (outcome.timedOut) problems.push(`killed after its ${layer.limitMs / 60_000} min limit`);
  if (counts.passed + counts.failed === 0) problems.push('no tests ran');
  if (counts.pending > 0) problems.push(`${counts.pending} pending`);
  if (!outcome.ok && counts.failed === 0 && !outcome.timedOut) problems.push('the layer exited with an error');
  return { name: layer.name, passed: counts.passed, failed: counts.failed, failures: counts.failures ?? [], problems };
}

async function main() {
  const started = Date.now();
  const failedSteps = [];
  for (const step of steps) {
    if ((await run(step.name, step.command, step.limitMs)).ok) continue;
    failedSteps.push(step.name);
    if (step.required) break;
  }
  const dir = mkdtempSync(join(tmpdir(), 'api-logs-counts-'));
  const results = [];
  if (!failedSteps.includes('build')) for (const layer of layers) results.push(await runLayer(layer, dir));
  rmSync(dir, { recursive: true, force: true });

  process.stdout.write(`\n── summary (${Math.round((Date.now() - started) / 1000)} s)\n`);
  for (const { name, passed, failed, problems } of results) {
    process.stdout.write(`${name}: ${passed} passed, ${failed} failed${problems.length ? ` (${problems.join('; ')})` : ''}\n`);
  }
  // CI keeps only the end of the output, so the failed tests are named again here, last.
  for (const { name, failures } of results) {
    for (const failure of failures) process.stdout.write(`✗ ${name}: ${failure.split('\n')[0].slice(0, 400)}\n`);
  }
  const broken = [...failedSteps, ...results.filter((r) => r.failed > 0 || r.problems.length > 0).map((r) => r.name)];
  if (broken.length > 0) process.stdout.write(`FAILED: ${broken.join(', ')}\n`);
  const total = (key) => results.reduce((sum, result) => sum + result[key], 0);
  process.stdout.write(`${total('passed')} passed, ${total('failed')} failed\n`);
  return broken.length > 0 ? 1 : 0;
}

process.exitCode = await main();
