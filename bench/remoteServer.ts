import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import type { ProviderKind } from '../src/protocol/streamDefinition';

/** A fake server running in a child process (bench/fakeServerProcess.ts). */
export interface RemoteServer {
  readonly provider: ProviderKind;
  readonly baseUrl: string;
  readonly token: string;
  readonly projectId?: string;
  /** The requests it received, those it answered 429 for its rate limit, and its process's CPU time so far (ms). */
  counts(): Promise<{ requests: number; rateLimited: number; cpuMs: number }>;
  close(): void;
}

export interface RemoteOptions {
  readonly latencyMs?: number;
  /** Enforce the provider's own rate limit. */
  readonly limited?: boolean;
}

export function startRemoteServer(provider: ProviderKind, rowCount: number, options: RemoteOptions = {}): Promise<RemoteServer> {
  const args = [resolve(__dirname, 'fakeServerProcess.ts'), provider, String(rowCount), String(options.latencyMs ?? 0), options.limited ? 'limited' : 'open'];
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = () => new Promise<string>((done) => waiting.push(done));
  return new Promise((done, fail) => {
    child.on('exit', (code) => fail(new Error(`fake server exited with ${code}`)));
    void nextLine().then((line) =>
      done({
        ...JSON.parse(line),
        counts: async () => {
          const answer = nextLine();
          child.stdin.write('counts\n');
          return JSON.parse(await answer);
        },
        close: () => child.stdin.end(),
      }),
    );
  });
}
