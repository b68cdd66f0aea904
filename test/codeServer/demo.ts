// `npm run demo`: the packaged extension in code-server (a real VS Code in the browser) on 127.0.0.1, with the
// built-in sample data. Ctrl+C stops code-server and everything it started. Port: API_LOGS_DEMO_PORT (8080).
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { cacheDir, dirsUnder, installExtension, repoRoot, startCodeServer, writeUserSettings } from './codeServer';

async function main(): Promise<void> {
  const port = Number(process.env.API_LOGS_DEMO_PORT ?? 8080);
  await assertPortFree(port);
  // Kept between runs so accounts added in the demo are still there next time (secrets live in the browser profile).
  const dirs = dirsUnder(join(cacheDir, 'demo'));
  installExtension(join(repoRoot, 'dist-vsix', 'api-logs-explorer.vsix'), dirs);
  if (!existsSync(join(dirs.userDataDir, 'User', 'settings.json'))) writeUserSettings(dirs);
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
  process.stdout.write(`\nAPI Logs Explorer is running in VS Code (code-server). Open:\n\n  ${url}\n\nPress Ctrl+C to stop.\n`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const code = await server.exited;
  process.stderr.write(`code-server stopped (exit code ${code})\n`);
  process.exit(code ?? 1);
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', () => fail(new Error(`Port ${port} is in use; choose another with API_LOGS_DEMO_PORT=<port>.`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done()));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
