import { HttpClient } from '../http/httpClient';
import { ProviderError } from '../http/providerError';
import type { ConnectionOptions, ProviderConnection, StreamClient } from './connection';
import type { ProviderKind, StreamDefinition, StreamId } from '../protocol/streamDefinition';
import type { Logger } from '../util/logging';

export interface HttpSetup {
  readonly label: string;
  readonly baseUrl: string;
  readonly authorization: string;
  readonly secrets: readonly string[];
}

export function createHttpClient(setup: HttpSetup, options: ConnectionOptions, logger: Logger): HttpClient {
  return new HttpClient({
    ...setup,
    logger,
    timeoutMs: options.timeoutMs,
    maxConcurrent: options.maxConcurrent,
    maxRetries: options.maxRetries,
    retryBaseDelayMs: options.retryBaseDelayMs,
    userAgent: options.userAgent,
  });
}

/** Stream clients are built on first use and kept; `dispose` cancels whatever is in flight. */
export abstract class ConnectionBase implements ProviderConnection {
  private readonly clients = new Map<StreamId, StreamClient>();

  constructor(
    readonly provider: ProviderKind,
    readonly streams: readonly StreamDefinition[],
    protected readonly http: HttpClient,
  ) {}

  abstract testConnection(signal?: AbortSignal): Promise<void>;

  protected abstract createClient(definition: StreamDefinition): StreamClient;

  stream(id: StreamId): StreamClient {
    const existing = this.clients.get(id);
    if (existing) {
      return existing;
    }
    const definition = this.streams.find((stream) => stream.id === id);
    if (!definition) {
      throw new ProviderError('notFound', `There is no ${id} stream for ${this.provider}.`);
    }
    const client = this.createClient(definition);
    this.clients.set(id, client);
    return client;
  }

  dispose(): void {
    this.http.dispose();
  }
}
