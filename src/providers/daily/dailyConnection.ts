import type { ConnectionOptions, StreamClient } from '../connection';
import type { MeetingQuery, MeetingSessionPage } from '../../protocol/streamDefinition';
import { ConnectionBase, createHttpClient } from '../connectionBase';
import type { StreamDefinition } from '../../protocol/streamDefinition';
import type { Logger } from '../../util/logging';
import { DailyApiLogsClient } from './dailyApiLogsClient';
import { dailyApiLogsStream } from './dailyApiLogsStream';
import { DailyLevelTable } from './dailyLevelNames';
import { DailyMeetingLogsClient } from './dailyMeetingLogsClient';
import { dailyMeetingLogsStream } from './dailyMeetingLogsStream';
import { listDailyMeetingSessions } from './dailyMeetingsClient';
import { dailyWebhookLogsStream } from './dailyWebhookLogsStream';

export const dailyStreams: readonly StreamDefinition[] = [dailyApiLogsStream, dailyWebhookLogsStream, dailyMeetingLogsStream];

/** Daily: Bearer API key; base URL ends in `/v1`. */
export class DailyConnection extends ConnectionBase {
  /** Level names learnt from this connection's API, kept as long as the connection. */
  private readonly levels = new DailyLevelTable();

  constructor(baseUrl: string, secret: string, options: ConnectionOptions, private readonly logger: Logger) {
    super(
      'daily',
      dailyStreams,
      createHttpClient({ label: 'Daily', baseUrl, authorization: `Bearer ${secret}`, secrets: [secret] }, options, logger),
    );
  }

  async testConnection(signal?: AbortSignal): Promise<void> {
    await this.stream('daily.api').fetchPage({ filters: {}, pageSize: 1, signal });
  }

  listMeetingSessions(query?: MeetingQuery, signal?: AbortSignal): Promise<MeetingSessionPage> {
    return listDailyMeetingSessions(this.http, query, signal);
  }

  protected createClient(definition: StreamDefinition): StreamClient {
    if (definition.id === 'daily.meeting') {
      return new DailyMeetingLogsClient(definition, this.http, this.logger, this.levels);
    }
    return new DailyApiLogsClient(definition, definition.id === 'daily.webhook' ? 'webhook' : 'api', this.http, this.logger);
  }
}
