/**
 * The CodeLens provision inside code-server's extension host (run: `npx tsx bench/lensInHost.bench.ts`): the
 * production build in a scratch extension folder, a Daily account pointed at a fake server process holding 10,000
 * rows, the API logs panel open with all of them loaded, then the 2,000-line file opened for the first time. A probe
 * (the run's "tests") times the provider's own `provideCodeLenses` calls, wrapped on the instance VS Code calls,
 * and the `vscode.executeCodeLensProvider` round trip (VS Code's conversion and the renderer included; a plain text
 * file's request before it shows VS Code's own first-request cost; the built-in TypeScript extension is activated
 * first, its activation is not ours); then 20 keystrokes, each a new document version.
 * One fresh code-server per run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileText } from './lensProvision';
import { median } from './pageRows';
import { atMost, recordBench, reference } from './results';

const root = resolve(__dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const runs = 3;
const rowCount = 10_000;

interface ProviderCall {
  readonly ms: number;
  readonly cpuMs: number;
  readonly lenses: number;
}

interface HostFigures {
  readonly rows: number;
  readonly first: ProviderCall;
  /** A plain text file first: VS Code's own first CodeLens request, our provider not asked. */
  readonly plainRoundTripMs: number;
  readonly firstRoundTripMs: number;
  readonly typing: readonly ProviderCall[];
  readonly typingRoundTripMs: readonly number[];
}

/** Runs in the extension host as `extensionTestsPath`; writes what it measured to API_LOGS_LENS_FILE. */
const probe = `const vscode = require('vscode');
const { readFileSync, writeFileSync } = require('fs');
const { performance } = require('perf_hooks');
const until = async (check) => { while (!check()) await new Promise((done) => setTimeout(done, 20)); };
exports.run = async () => {
  const server = JSON.parse(process.env.API_LOGS_LENS_SERVER);
  const api = await vscode.extensions.getExtension('api-logs-explorer.api-logs-explorer').activate();
  const account = await api.services.accounts.add('Bench');
  await api.services.tokens.set(account.id, 'daily', server.token);
  await api.services.accounts.putConnection(account.id, { provider: 'daily', baseUrlOverride: server.baseUrl });
  const identity = { accountId: account.id, provider: 'daily', streamId: 'daily.api', filters: {} };
  await vscode.commands.executeCommand('apiLogs.openStream', identity);
  const panel = api.panels.get(identity);
  await until(() => panel.session.rows.length > 0 && !panel.session.busy);
  await panel.session.loadAll();
  await until(() => !panel.session.busy);
  const provider = api.code.codeLens;
  const original = provider.provideCodeLenses;
  const calls = [];
  provider.provideCodeLenses = function (document, token) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const lenses = original.call(this, document, token);
    const used = process.cpuUsage(cpu);
    calls.push({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, lenses: lenses.length });
    return lenses;
  };
  const notes = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'notes.txt');
  await vscode.workspace.fs.writeFile(notes, Buffer.from('plain text: no CodeLens provider is asked\\n'));
  await vscode.workspace.openTextDocument(notes);
  const plainStarted = performance.now();
  await vscode.commands.executeCommand('vscode.executeCodeLensProvider', notes);
  const plainRoundTripMs = performance.now() - plainStarted;
  if (calls.length !== 0) throw new Error('a plain text file should not reach the provider');
  // The built-in TypeScript extension activates on the first TypeScript file and VS Code waits for its lenses too.
  await vscode.extensions.getExtension('vscode.typescript-language-features')?.activate();
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'presence.ts');
  await vscode.workspace.fs.writeFile(uri, readFileSync(process.env.API_LOGS_LENS_TEXT));
  const document = await vscode.workspace.openTextDocument(uri);
  const started = performance.now();
  await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
  const firstRoundTripMs = performance.now() - started;
  const first = calls[0];
  const typingRoundTripMs = [];
  for (let key = 0; key < 20; key++) {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(1, 0), 'x');
    await vscode.workspace.applyEdit(edit);
    const asked = performance.now();
    await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
    typingRoundTripMs.push(performance.now() - asked);
  }
  const typing = calls.slice(1);
  if (document.version !== 21 || typing.length !== 20) throw new Error('every keystroke should be one new version and one provision');
  writeFileSync(process.env.API_LOGS_LENS_FILE, JSON.stringify({ rows: panel.session.rows.length, first, plainRoundTripMs, firstRoundTripMs, typing, typingRoundTripMs }));
};
`;

function startFakeServer(): Promise<{ server: string; stop(): void }> {
  const child = spawn(tsx, [join(__dirname, 'fakeServerProcess.ts'), 'daily', String(rowCount), '0'], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((done) => {
    createInterface({ input: child.stdout }).once('line', (line) => done({ server: line, stop: () => child.stdin.end() }));
  });
}

function runOnce(extension: string, server: string, textFile: string): HostFigures {
  const file = join(extension, 'lens.json');
  rmSync(file, { force: true });
  const result = spawnSync(tsx, ['test/codeServer/runInCodeServer.ts', '--extension', extension, '--tests', join(extension, 'probe')], {
    cwd: root,
    env: { ...process.env, API_LOGS_LENS_FILE: file, API_LOGS_LENS_SERVER: server, API_LOGS_LENS_TEXT: textFile },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0 || !existsSync(file)) throw new Error(`the CodeLens probe did not report (exit ${result.status})`);
  return JSON.parse(readFileSync(file, 'utf8')) as HostFigures;
}

async function main(): Promise<void> {
  const extension = mkdtempSync(join(tmpdir(), 'api-logs-lens-'));
  const fake = await startFakeServer();
  try {
    cpSync(join(root, 'package.json'), join(extension, 'package.json'));
    cpSync(join(root, 'media'), join(extension, 'media'), { recursive: true });
    spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'ignore', env: { ...process.env, API_LOGS_OUTDIR: join(extension, 'dist') } });
    writeFileSync(join(extension, 'probe.js'), probe);
    const textFile = join(extension, 'presence.ts.txt');
    writeFileSync(textFile, fileText());
    const results = Array.from({ length: runs }, () => runOnce(extension, fake.server, textFile));
    const rows = Math.min(...results.map((run) => run.rows));
    if (rows < rowCount) throw new Error(`the panel held ${rows} rows, not ${rowCount}`);
    const name = `CodeLens in code-server, 2,000-line file, ${results[0].first.lenses} lenses, ${rows} rows`;
    const typing = results.flatMap((run) => run.typing.map((call) => call.ms));
    for (const run of results) {
      process.stdout.write(`fresh host: first ${run.first.ms.toFixed(1)} ms (CPU ${run.first.cpuMs.toFixed(1)}), round trip ${run.firstRoundTripMs.toFixed(0)} ms (a plain text file's first ${run.plainRoundTripMs.toFixed(0)} ms); typing median ${median(run.typing.map((call) => call.ms)).toFixed(2)} ms, round trip ${median([...run.typingRoundTripMs]).toFixed(1)} ms\n`);
    }
    recordBench('lensInHost', [
      atMost(`${name}: first provision, slowest fresh host`, Math.max(...results.map((run) => run.first.ms)), 'ms', 20, runs),
      atMost(`${name}: first provision, CPU time, slowest`, Math.max(...results.map((run) => run.first.cpuMs)), 'ms', 20, runs),
      reference(`${name}: first executeCodeLensProvider round trip, median`, median(results.map((run) => run.firstRoundTripMs)), 'ms', runs),
      reference('executeCodeLensProvider round trip of a plain text file before it (no provider asked), median', median(results.map((run) => run.plainRoundTripMs)), 'ms', runs),
      atMost(`${name}: typing, provision per keystroke, median`, median(typing), 'ms', 20, typing.length),
      reference(`${name}: typing, executeCodeLensProvider round trip, median`, median(results.flatMap((run) => run.typingRoundTripMs)), 'ms', typing.length),
    ]);
  } finally {
    fake.stop();
    rmSync(extension, { recursive: true, force: true });
  }
}

void main();
