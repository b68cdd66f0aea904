import { createInterface } from 'node:readline';
import type { ProviderKind } from '../src/protocol/streamDefinition';
import { startFakeServer } from '../src/sample/fakeServers';

/**
 * Runs one fake provider server in its own process (as a real provider is), so the paging benchmark measures the
 * client against the network and not against a server sharing its thread. Arguments: provider, rows, latency in
 * ms, `limited` for the provider's rate limit. Prints the server as one JSON line; answers each `counts` line on
 * stdin with the server's request counts and its process's CPU time so far (ms) as one JSON line.
 */
async function main(): Promise<void> {
  const [provider, rowCount, latencyMs, limited] = process.argv.slice(2);
  const network = { latencyMs: Number(latencyMs ?? 0), rateLimit: limited === 'limited' ? (true as const) : undefined };
  const server = await startFakeServer(provider as ProviderKind, { seed: 1, rowCount: Number(rowCount), now: Date.parse('2026-06-01T00:00:00Z'), network });
  process.stdout.write(`${JSON.stringify({ provider, baseUrl: server.baseUrl, token: server.token, projectId: server.projectId })}\n`);
  const lines = createInterface({ input: process.stdin });
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  lines.on('line', (line) => line === 'counts' && process.stdout.write(`${JSON.stringify({ ...server.counts, cpuMs: cpuMs() })}\n`));
  lines.on('close', () => void server.close().then(() => process.exit(0)));
}

void main();
