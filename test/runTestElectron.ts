// Runs the integration suite in a downloaded desktop VS Code (@vscode/test-electron), for machines that can reach
// Microsoft's update server. CI and sandboxed machines use test/codeServer/runInCodeServer.ts: same suite.
// Usage: npm run test:electron  (compiles the suite first)
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<number> {
  const extensionDevelopmentPath = resolve(__dirname, '..');
  const extensionTestsPath = resolve(extensionDevelopmentPath, 'out/test/integration/index');
  const base = mkdtempSync(join(tmpdir(), 'api-logs-electron-'));
  const workspace = join(base, 'workspace');
  mkdirSync(workspace);
  try {
    return await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(base, 'user-data')],
    });
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
