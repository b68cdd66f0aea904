/**
 * Activation inside code-server's extension host (run: `npx tsx bench/activation.bench.ts`): the production build
 * in a scratch extension folder, started by the integration harness with a probe as its "tests" that reads the
 * API's `activationMs` (from the first line of `activate` until it returned). One fresh code-server per run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { atMost, recordBench, reference } from './results';

const root = resolve(__dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const runs = 2;

/** The probe the extension host loads as `extensionTestsPath`; it writes what activation reported. */
const probe = `const vscode = require('vscode');
const { writeFileSync } = require('fs');
exports.run = async () => {
  const api = await vscode.extensions.getExtension('api-logs-explorer.api-logs-explorer').activate();
  writeFileSync(process.env.API_LOGS_ACTIVATION_FILE, JSON.stringify({ activationMs: api.activationMs }));
};
`;

function activationOnce(extension: string): number {
  const file = join(extension, 'activation.json');
  rmSync(file, { force: true });
  const result = spawnSync(tsx, ['test/codeServer/runInCodeServer.ts', '--extension', extension, '--tests', join(extension, 'probe')], {
    cwd: root,
    env: { ...process.env, API_LOGS_ACTIVATION_FILE: file },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0 || !existsSync(file)) throw new Error(`the activation probe did not report (exit ${result.status})`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { activationMs: number }).activationMs;
}

const extension = mkdtempSync(join(tmpdir(), 'api-logs-activation-'));
try {
  cpSync(join(root, 'package.json'), join(extension, 'package.json'));
  cpSync(join(root, 'media'), join(extension, 'media'), { recursive: true });
  spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'ignore', env: { ...process.env, API_LOGS_OUTDIR: join(extension, 'dist') } });
  writeFileSync(join(extension, 'probe.js'), probe);
  const times = Array.from({ length: runs }, () => activationOnce(extension)).sort((a, b) => a - b);
  recordBench('activation', [
    atMost('activate() start to return in code-server, slowest of fresh starts', times[times.length - 1], 'ms', 50, runs),
    reference('activate() start to return in code-server, fastest', times[0], 'ms', runs),
  ]);
} finally {
  rmSync(extension, { recursive: true, force: true });
}
