import { isProviderError } from '../../http/providerError';
import type { ConnectionOptions, StreamClient } from '../connection';
import { ConnectionBase, createHttpClient } from '../connectionBase';
import type { StreamDefinition } from '../../protocol/streamDefinition';
import type { Logger } from '../../util/logging';
import { SignalwireLogsClient } from './signalwireLogsClient';
import { signalwireVideoLogsStream } from './signalwireVideoLogsStream';
import { signalwireVoiceLogsStream } from './signalwireVoiceLogsStream';

export const signalwireStreams: readonly StreamDefinition[] = [signalwireVideoLogsStream, signalwireVoiceLogsStream];

/** SignalWire: Basic base64(projectId:token); base URL is the space origin `https://<space>.signalwire.com`. */
export class SignalwireConnection extends ConnectionBase {
  constructor(
    baseUrl: string,
    projectId: string,
    secret: string,
    options: ConnectionOptions,
    private readonly logger: Logger,
  ) {
    const authorization = `Basic ${Buffer.from(`${projectId}:${secret}`).toString('base64')}`;
    super(
      'signalwire',
      signalwireStreams,
      createHttpClient({ label: 'SignalWire', baseUrl, authorization, secrets: [secret, authorization.slice(6)] }, options, logger),
    );
  }

  /**
   * Tokens are scoped per API, so the connection works when either stream answers. A 403 on the first stream
   * tries the second; any other failure (401, network) is reported at once.
   */
  async testConnection(signal?: AbortSignal): Promise<void> {
    try {
      await this.stream('signalwire.voice').fetchPage({ filters: {}, pageSize: 1, signal });
    } catch (error) {
      if (!isProviderError(error) || error.details.status !== 403) {
        throw error;
      }
      await this.stream('signalwire.video').fetchPage({ filters: {}, pageSize: 1, signal });
    }
  }

  protected createClient(definition: StreamDefinition): StreamClient {
    const kind = definition.id === 'signalwire.video' ? 'video' : 'voice';
    return new SignalwireLogsClient(definition, kind, this.http, this.logger);
  }
}
