import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../..');
export const cacheDir = process.env.API_LOGS_CACHE ?? join(repoRoot, '.cache');
const versions = JSON.parse(readFileSync(join(__dirname, 'versions.json'), 'utf8')) as { node: string; codeServer: string };
const node24 = join(cacheDir, `node-${versions.node}`, 'bin', 'node');
const entry = join(cacheDir, `code-server-${versions.codeServer}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** The folders one code-server run owns; all fresh temp folders unless given. */
export interface CodeServerDirs {
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly configDir: string;
  readonly workspace: string;
}

export function assertInstalled(): void {
  if (!existsSync(node24) || !existsSync(entry)) {
    throw new Error(`code-server is not installed in ${cacheDir}; run: bash test/codeServer/install.sh`);
  }
}

/** The four folders under `base`, created when missing (the demo keeps them between runs). */
export function dirsUnder(base: string): CodeServerDirs {
  const [userDataDir, extensionsDir, configDir, workspace] = ['user-data', 'extensions', 'config', 'workspace'].map(
    (name) => join(base, name),
  ) as [string, string, string, string];
  [userDataDir, extensionsDir, configDir, workspace].forEach((dir) => mkdirSync(dir, { recursive: true }));
  return { userDataDir, extensionsDir, configDir, workspace };
}

export function makeTempDirs(): CodeServerDirs & { remove(): void } {
  const base = mkdtempSync(join(tmpdir(), 'api-logs-code-server-'));
  return { ...dirsUnder(base), remove: () => rmSync(base, { recursive: true, force: true }) };
}

/** A quiet workbench for tests and the demo: no welcome page, no chat panel. */
export const quietSettings: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

export function writeUserSettings(dirs: CodeServerDirs, settings: Readonly<Record<string, unknown>> = quietSettings): void {
  const userDir = join(dirs.userDataDir, 'User');
  mkdirSync(userDir, { recursive: true });
  writeFileSync(join(userDir, 'settings.json'), JSON.stringify(settings, null, 2));
}

function serverEnv(dirs: CodeServerDirs, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // code-server writes its config.yaml under XDG_CONFIG_HOME on first start; keep it out of the user's home.
  return { ...process.env, ...extra, XDG_CONFIG_HOME: dirs.configDir };
}

function dirArgs(dirs: CodeServerDirs): string[] {
  return ['--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
}

export function installExtension(vsix: string, dirs: CodeServerDirs): void {
  assertInstalled();
  const args = [entry, ...dirArgs(dirs), '--install-extension', vsix, '--force'];
  const result = spawnSync(node24, args, { env: serverEnv(dirs), encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension failed (${result.status}): ${result.stderr}${result.stdout}`);
  }
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface StartOptions {
  readonly dirs: CodeServerDirs;
  readonly port?: number;
  /** Extra `--vscode-option` values, e.g. `enable-smoke-test-driver` for in-host tests. */
  readonly vscodeOptions?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Receives code-server's own stdout/stderr lines; silent when absent. */
  readonly onOutput?: (line: string) => void;
}

export interface RunningCodeServer {
  readonly port: number;
  /** The id of code-server's process group (its main process's pid). */
  readonly processGroup: number;
  readonly origin: string;
  /** Resolves with the exit code when code-server stops, whoever stopped it. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

export async function startCodeServer(options: StartOptions): Promise<RunningCodeServer> {
  assertInstalled();
  const port = options.port ?? (await freePort());
  const args = [
    entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', ...(options.vscodeOptions ?? []).flatMap((option) => ['--vscode-option', option]),
    ...dirArgs(options.dirs), options.dirs.workspace,
  ];
  // Its own process group: the watcher and extension-host children outlive the main process otherwise.
  const child = spawn(node24, args, { env: serverEnv(options.dirs, options.env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = stopper(child);
  forwardLines(child, options.onOutput);
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilListening(child, origin);
  } catch (error) {
    await stop();
    throw error;
  }
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { port, processGroup: child.pid ?? 0, origin, exited, stop };
}

function forwardLines(child: ChildProcess, onOutput: ((line: string) => void) | undefined): void {
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => chunk.split('\n').filter(Boolean).forEach((line) => onOutput?.(line)));
  }
}

async function waitUntilListening(child: ChildProcess, origin: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    const healthy = await fetch(`${origin}/healthz`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`code-server did not answer on ${origin} within ${timeoutMs / 1000} s`);
}

/** Stops the whole process group: SIGTERM, then SIGKILL for anything still alive after 3 s. */
function stopper(child: ChildProcess): () => Promise<void> {
  const pid = child.pid;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (pid) process.kill(-pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const onExit = () => signalGroup('SIGKILL');
  process.once('exit', onExit);
  return async () => {
    process.off('exit', onExit);
    signalGroup('SIGTERM');
    const exited = child.exitCode !== null || (await waitForExit(child, 3000));
    signalGroup('SIGKILL');
    if (!exited) await waitForExit(child, 2000);
  };
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}
