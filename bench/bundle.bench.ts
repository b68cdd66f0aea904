/** The production host bundle every activation loads, and the bundles loaded only on demand (esbuild.mjs onDemand). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { atMost, recordBench, reference } from './results';

const root = resolve(__dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'api-logs-bundle-'));
try {
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'ignore', env: { ...process.env, API_LOGS_OUTDIR: scratch } });
  const kb = (file: string) => statSync(join(scratch, file)).size / 1024;
  recordBench('bundle', [
    atMost('production host bundle dist/extension.js (minified)', kb('extension.js'), 'KB', 300, 1),
    reference('sample servers dist/sampleServers.js, loaded on demand', kb('sampleServers.js'), 'KB', 1),
    reference('Find Call Sites search dist/workspaceCallSites.js, loaded on demand', kb('workspaceCallSites.js'), 'KB', 1),
    reference('row export dist/exportRows.js, loaded on demand', kb('exportRows.js'), 'KB', 1),
    reference('account and connection commands dist/accountSetupCommands.js, loaded on demand', kb('accountSetupCommands.js'), 'KB', 1),
    reference('axios dist/axiosTransport.js, loaded by the first request', kb('axiosTransport.js'), 'KB', 1),
    reference('webview bundle dist/webview/main.js', kb('webview/main.js'), 'KB', 1),
  ]);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
