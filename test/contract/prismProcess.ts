import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

export interface PrismMock {
  readonly origin: string;
  close(): Promise<void>;
}

const prismBin = resolve(__dirname, '..', '..', 'node_modules', '.bin', 'prism');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

function answers(origin: string): Promise<boolean> {
  return new Promise((done) => {
    const probe = request(`${origin}/`, { method: 'GET', timeout: 500 }, (response) => {
      response.resume();
      done(true);
    });
    probe.on('error', () => done(false));
    probe.on('timeout', () => probe.destroy());
    probe.end();
  });
}

/**
 * Starts Prism for one spec on 127.0.0.1 and waits until it answers: `prism mock` (static examples), or with
 * `upstream` `prism proxy`, which forwards to that server and reports where its answers break the spec
 * (the `sl-violations` response header).
 */
export async function startPrism(specPath: string, options: { upstream?: string; timeoutMs?: number } = {}): Promise<PrismMock> {
  const port = await freePort();
  const mode = options.upstream === undefined ? ['mock', specPath] : ['proxy', specPath, options.upstream];
  const child: ChildProcess = spawn(prismBin, [...mode, '-p', String(port), '-h', '127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  while (!(await answers(origin))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      stop(child);
      throw new Error(`Prism did not start for ${specPath}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { origin, close: async () => stop(child) };
}

function stop(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  }
}
