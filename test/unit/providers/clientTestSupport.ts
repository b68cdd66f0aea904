import type { ConnectionOptions, ProviderConnection } from '../../../src/providers/connection';
import { createProviderConnection } from '../../../src/providers/providerRegistry';
import type { FakeProviderServer, RecordedRequest } from '../../../src/sample/fakeServers';
import type { Logger } from '../../../src/util/logging';
import { ProviderError } from '../../../src/http/providerError';

/** A Logger that keeps its lines, for asserting on what was (not) logged. */
export class MemoryLogger implements Logger {
  constructor(readonly lines: string[] = []) {}
  trace(message: string): void {
    this.lines.push(`trace ${message}`);
  }
  debug(message: string): void {
    this.lines.push(`debug ${message}`);
  }
  info(message: string): void {
    this.lines.push(`info ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  error(message: string | Error): void {
    this.lines.push(`error ${String(message)}`);
  }
  child(): Logger {
    return this;
  }
}

export const fastOptions: ConnectionOptions = { timeoutMs: 5000, retryBaseDelayMs: 1, maxRetries: 3 };

/** A connection to a fake server with its real credentials (or `secret` to try a wrong one). */
export function connect(
  server: FakeProviderServer,
  options: Partial<ConnectionOptions> = {},
  logger: Logger = new MemoryLogger(),
  secret = server.token,
): ProviderConnection {
  const merged = { ...fastOptions, ...options };
  if (server.provider === 'signalwire') {
    return createProviderConnection({ provider: 'signalwire', baseUrl: server.baseUrl, projectId: server.projectId ?? '', secret }, merged, logger);
  }
  return createProviderConnection({ provider: server.provider, baseUrl: server.baseUrl, secret }, merged, logger);
}

/** The requests made since `mark` (an index from `server.requests.length`). */
export function requestsSince(server: FakeProviderServer, mark: number): RecordedRequest[] {
  return server.requests.slice(mark);
}

/** The rejection of `promise`, which must be a ProviderError. */
export async function providerErrorOf(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProviderError) {
      return error;
    }
    throw new Error(`expected a ProviderError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a rejection');
}
