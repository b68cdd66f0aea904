import type { ProviderKind } from '../src/protocol/streamDefinition';
import { startFakeServer } from '../src/sample/fakeServers';

/**
 * Runs one fake provider server in its own process (as a real provider is), so the paging benchmark measures the
 * client against the network and not against a server sharing its thread. Prints the server as one JSON line.
 */
async function main(): Promise<void> {
  const [provider, rowCount] = process.argv.slice(2);
  const server = await startFakeServer(provider as ProviderKind, { seed: 1, rowCount: Number(rowCount), now: Date.parse('2026-06-01T00:00:00Z') });
  process.stdout.write(`${JSON.stringify({ provider, baseUrl: server.baseUrl, token: server.token, projectId: server.projectId })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
}

void main();
