import { isProviderError } from '../../http/providerError';
import type { ConnectionOptions, StreamClient } from '../connection';
import { ConnectionBase, createHttpClient } from '../connectionBase';
import type { CallEvent, StreamDefinition } from '../../protocol/streamDefinition';
import type { Logger } from '../../util/logging';
import { listSignalwireCallEvents } from './signalwireCallEvents';
import { SignalwireLinks } from './signalwireLinks';
import { SignalwireLogsClient, adaptSignalwireError } from './signalwireLogsClient';
import { signalwireVideoLogsStream } from './signalwireVideoLogsStream';
import { signalwireVoiceLogsStream } from './signalwireVoiceLogsStream';

export const signalwireStreams: readonly StreamDefinition[] = [signalwireVideoLogsStream, signalwireVoiceLogsStream];

/** SignalWire: Basic base64(projectId:token); base URL is the space origin `https://<space>.signalwire.com`. */
export class SignalwireConnection extends ConnectionBase {
  /** Next-page links, always requested on the configured origin. */
  private readonly links: SignalwireLinks;

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
    this.links = new SignalwireLinks(baseUrl, logger);
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

  /** The events of one voice call (the voice detail pane loads them on demand). */
  async listCallEvents(callId: string, signal?: AbortSignal): Promise<readonly CallEvent[]> {
    try {
      return await listSignalwireCallEvents(this.http, this.links, callId, signal);
    } catch (error) {
      throw adaptSignalwireError('voice', error);
    }
  }

  protected createClient(definition: StreamDefinition): StreamClient {
    const kind = definition.id === 'signalwire.video' ? 'video' : 'voice';
    return new SignalwireLogsClient(definition, kind, this.http, this.logger, this.links);
  }
}
