import { randomBytes } from 'node:crypto';
import type { ProviderKind } from '../protocol/streamDefinition';
import { DailyFakeApi, type SampleDataOptions } from './dailyFakeApi';
import type { DailyApiLogRecord } from './dailyApiLogData';
import type { FakeApi } from './fakeApi';
import { FakeHttpServer, type RecordedRequest } from './fakeHttpServer';
import type { Fault, FaultOptions } from './faults';
import { LagoFakeApi } from './lagoFakeApi';
import type { NetworkProfile } from './networkProfile';
import { SignalwireFakeApi } from './signalwireFakeApi';

export type { Fault, FaultOptions } from './faults';
export type { RecordedRequest } from './fakeHttpServer';
export type { NetworkProfile, RateLimit } from './networkProfile';

/**
 * A local server speaking one provider's log API over a generated data set: the sample-data mode's backend and
 * the tests' fake. `baseUrl` already carries the provider's path prefix (Daily `/v1`, Lago `/api/v1`,
 * SignalWire none), so it can be used as a connection's base URL override as it is.
 */
export interface FakeProviderServer {
  readonly provider: ProviderKind;
  readonly baseUrl: string;
  readonly token: string;
  /** SignalWire only: the Basic-auth user name. */
  readonly projectId?: string;
  /** Switches a fault on (or off with undefined) for all requests, or the next `count` matching ones. */
  setFault(fault: Fault | undefined, options?: FaultOptions): void;
  /** Every request received, oldest first (the last 10,000). */
  readonly requests: readonly RecordedRequest[];
  /** Requests received, and those answered 429 because they exceeded the network profile's rate limit. */
  readonly counts: { readonly requests: number; readonly rateLimited: number };
  close(): Promise<void>;
  /** Daily only: newer API log records, newest first, as if just logged. */
  addApiLogs?(records: readonly DailyApiLogRecord[]): void;
}

export interface FakeServerOptions {
  /** Default: random per start. */
  readonly token?: string;
  /** Same seed, same data (default 1). */
  readonly seed?: number;
  /** Rows per log stream (default 2,500). */
  readonly rowCount?: number;
  /** The newest rows are just before this moment (default: now). */
  readonly now?: number;
  /** SignalWire: the origin (and path prefix) its `links` name instead of its own, as behind a proxy. */
  readonly linkOrigin?: string;
  /** Daily: the server's numbers for the meeting-log level names (see `sampleMeetingLogLevels`). */
  readonly meetingLogLevels?: SampleDataOptions['meetingLogLevels'];
  /** Where the spec's example records are dated (default as in the spec). */
  readonly specExamples?: SampleDataOptions['specExamples'];
  /** Latency and rate limit (default: neither). */
  readonly network?: NetworkProfile;
}

const defaultRowCount = 2500;
const prefixes: Readonly<Record<ProviderKind, string>> = { daily: '/v1', lago: '/api/v1', signalwire: '' };

function createApi(provider: ProviderKind, token: string, projectId: string, data: SampleDataOptions, linkOrigin?: string): FakeApi {
  switch (provider) {
    case 'daily':
      return new DailyFakeApi(token, data);
    case 'lago':
      return new LagoFakeApi(token, data);
    case 'signalwire':
      return new SignalwireFakeApi(projectId, token, data, linkOrigin);
  }
}

/** Starts one provider's server on 127.0.0.1 (random port). Data is generated on first use, so startup is quick. */
export async function startFakeServer(provider: ProviderKind, options: FakeServerOptions = {}): Promise<FakeProviderServer> {
  const token = options.token ?? randomBytes(18).toString('base64url');
  const projectId = provider === 'signalwire' ? `a1b2c3d4-${randomBytes(2).toString('hex')}-4e5f-8a9b-${randomBytes(6).toString('hex')}` : '';
  const data: SampleDataOptions = {
    seed: options.seed ?? 1,
    rowCount: options.rowCount ?? defaultRowCount,
    now: options.now ?? Date.now(),
    meetingLogLevels: options.meetingLogLevels,
    specExamples: options.specExamples,
  };
  const api = createApi(provider, token, projectId, data, options.linkOrigin);
  const server = new FakeHttpServer(api, options.network);
  await server.listen();
  return {
    provider,
    baseUrl: `${server.origin}${prefixes[provider]}`,
    token,
    projectId: provider === 'signalwire' ? projectId : undefined,
    setFault: (fault, faultOptions) => server.faults.set(fault, faultOptions),
    requests: server.requests,
    counts: server.counts,
    close: () => server.close(),
    addApiLogs: api instanceof DailyFakeApi ? (records) => api.addApiLogs(records) : undefined,
  };
}

export interface SampleServers {
  readonly servers: Record<ProviderKind, FakeProviderServer>;
  close(): Promise<void>;
}

/** One server per provider, as "Try with Sample Data" and `npm run demo` use them. */
export async function startSampleServers(options: Omit<FakeServerOptions, 'token'> = {}): Promise<SampleServers> {
  const [daily, lago, signalwire] = await Promise.all(
    (['daily', 'lago', 'signalwire'] as const).map((provider) => startFakeServer(provider, options)),
  );
  const servers = { daily, lago, signalwire };
  return {
    servers,
    close: async () => {
      await Promise.all(Object.values(servers).map((server) => server.close()));
    },
  };
}
