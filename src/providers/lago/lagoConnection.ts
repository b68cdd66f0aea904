import type { ConnectionOptions, StreamClient } from '../connection';
import { ConnectionBase, createHttpClient } from '../connectionBase';
import type { StreamDefinition } from '../../protocol/streamDefinition';
import type { Logger } from '../../util/logging';
import { LagoApiLogsClient } from './lagoApiLogsClient';
import { lagoApiLogsStream } from './lagoApiLogsStream';

export const lagoStreams: readonly StreamDefinition[] = [lagoApiLogsStream];

/** Lago: Bearer API key; base URL ends in `/api/v1`. */
export class LagoConnection extends ConnectionBase {
  constructor(baseUrl: string, secret: string, options: ConnectionOptions, private readonly logger: Logger) {
    super(
      'lago',
      lagoStreams,
      createHttpClient({ label: 'Lago', baseUrl, authorization: `Bearer ${secret}`, secrets: [secret] }, options, logger),
    );
  }

  /** A plan without API logs fails here too (403 feature_unavailable, explained), although the key is valid. */
  async testConnection(signal?: AbortSignal): Promise<void> {
    await this.stream('lago.api').fetchPage({ filters: {}, pageSize: 1, signal });
  }

  protected createClient(definition: StreamDefinition): StreamClient {
    return new LagoApiLogsClient(definition, this.http, this.logger);
  }
}
