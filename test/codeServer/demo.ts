// `npm run demo`: the packaged extension in code-server (a real VS Code in the browser) on 127.0.0.1, with the
// built-in sample data. Ctrl+C stops code-server and everything it started. Port: API_LOGS_DEMO_PORT (8080).
// With API_LOGS_DEMO_CHECK=1 it checks itself in headless Chromium and exits (demoCheck.ts).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeServerDirs, RunningCodeServer } from './codeServer';
import { cacheDir, dirsUnder, installExtension, quietSettings, repoRoot, startCodeServer, writeUserSettings } from './codeServer';
import { checkDemo, demoCheckVariable, portIsFree } from './demoCheck';

/**
 * VS Code has no setting that opens a view container at startup, and the web workbench keeps its layout in the
 * browser, so a folder-open task does it: resolving `${command:…}` runs the command, which reveals the API Logs
 * view; that activates the extension, whose `API_LOGS_SAMPLE_DATA=1` hook adds the sample data and opens a panel.
 */
const revealTask = {
  version: '2.0.0',
  tasks: [
    {
      label: 'Show API Logs',
      type: 'shell',
      command: 'echo "API Logs Explorer demo${command:workbench.view.extension.apiLogs}"',
      runOptions: { runOn: 'folderOpen' },
      presentation: { reveal: 'never', close: true, echo: false },
      problemMatcher: [],
    },
  ],
};

/** Demo settings on top of what the user may have changed in earlier runs: folder-open tasks may run. */
function prepareProfile(dirs: CodeServerDirs): void {
  const settingsFile = join(dirs.userDataDir, 'User', 'settings.json');
  const current = existsSync(settingsFile) ? (JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>) : {};
  writeUserSettings(dirs, { ...quietSettings, ...current, 'task.allowAutomaticTasks': 'on' });
  mkdirSync(join(dirs.workspace, '.vscode'), { recursive: true });
  writeFileSync(join(dirs.workspace, '.vscode', 'tasks.json'), JSON.stringify(revealTask, null, 2));
}

async function main(): Promise<void> {
  const started = Date.now();
  const port = Number(process.env.API_LOGS_DEMO_PORT ?? 8080);
  if (!(await portIsFree(port))) throw new Error(`Port ${port} is in use; choose another with API_LOGS_DEMO_PORT=<port>.`);
  // Kept between runs so accounts added in the demo are still there next time (secrets live in the browser profile).
  const dirs = dirsUnder(join(cacheDir, 'demo'));
  installExtension(join(repoRoot, 'dist-vsix', 'api-logs-explorer.vsix'), dirs);
  prepareProfile(dirs);
  const server = await startCodeServer({
    dirs,
    port,
    env: { API_LOGS_SAMPLE_DATA: '1' },
    onOutput: (line) => {
      // open-vsx.org is unreachable offline, and the file watcher complains while stopping: both are noise.
      if (/\berror\b/i.test(line) && !/open-vsx\.org|File Watcher/.test(line)) process.stderr.write(`[code-server] ${line}\n`);
    },
  });
  const url = `${server.origin}/?folder=${encodeURIComponent(dirs.workspace)}`;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `\nAPI Logs Explorer is running in VS Code (code-server, started in ${seconds} s). Open:\n\n  ${url}\n\n` +
      'The API Logs view opens with a "Sample" account and its Daily API logs (if it does not, click the API Logs\n' +
      'icon in the activity bar on the left). Press Ctrl+C to stop.\n',
  );
  if (process.env[demoCheckVariable] === '1') await checkDemo(server, url);
  else await serveUntilStopped(server);
}

async function serveUntilStopped(server: RunningCodeServer): Promise<never> {
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const code = await server.exited;
  process.stderr.write(`code-server stopped (exit code ${code})\n`);
  process.exit(code ?? 1);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
