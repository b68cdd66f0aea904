import { Agent, get } from 'node:http';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createProviderConnection } from '../src/providers/providerRegistry';
import type { StreamId } from '../src/protocol/streamDefinition';
import type { Logger } from '../src/util/logging';
import { startRemoteServer, type RemoteServer } from './remoteServer';
import { atMost, reference, type Figure } from './results';

const silent: Logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** This process's CPU time (user + system), ms. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The bare loop's HTTP: keep-alive like the client's agents, so both reuse one socket. */
const bareAgent = new Agent({ keepAlive: true });

function getJson(url: string, authorization: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    get(url, { agent: bareAgent, headers: { authorization, accept: 'application/json' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve(JSON.parse(text)));
      response.on('error', reject);
    }).on('error', reject);
  });
}

export function connectTo(server: RemoteServer) {
  const config = server.provider === 'signalwire'
    ? { provider: 'signalwire' as const, baseUrl: server.baseUrl, projectId: server.projectId ?? '', secret: server.token }
    : { provider: server.provider, baseUrl: server.baseUrl, secret: server.token };
  return createProviderConnection(config, { timeoutMs: 30_000 }, silent);
}

/** The client as a panel uses it: `pages()` to the end, every row validated and mapped. Returns rows seen. */
export async function client(testCase: { id: StreamId; server: RemoteServer; pageSize: number }): Promise<number> {
  const connection = connectTo(testCase.server);
  let rows = 0;
  for await (const page of connection.stream(testCase.id).pages({ filters: {}, pageSize: testCase.pageSize })) {
    rows += page.rows.length;
  }
  connection.dispose();
  return rows;
}

interface PagingCase {
  readonly id: StreamId;
  readonly server: RemoteServer;
  readonly pageSize: number;
  readonly rows: number;
  /** The baseline: the client's URLs from the same server process, `http.get` + `JSON.parse`, nothing else. */
  bare(): Promise<number>;
}

async function pagingCases(rowCount: number, latencyMs: number): Promise<PagingCase[]> {
  const voice = await startRemoteServer('signalwire', rowCount, { latencyMs });
  const daily = await startRemoteServer('daily', rowCount, { latencyMs });
  const basic = `Basic ${Buffer.from(`${voice.projectId}:${voice.token}`).toString('base64')}`;
  return [
    {
      id: 'signalwire.voice', server: voice, pageSize: 1000, rows: rowCount,
      bare: async () => {
        let rows = 0;
        let url: string | undefined = `${voice.baseUrl}/api/voice/logs?page_size=1000`;
        while (url) {
          const body = (await getJson(url, basic)) as { data: unknown[]; links: { next?: string } };
          rows += body.data.length;
          url = body.links.next;
        }
        return rows;
      },
    },
    {
      id: 'daily.api', server: daily, pageSize: 100, rows: rowCount,
      bare: async () => {
        let rows = 0;
        let cursor = '';
        for (;;) {
          const body = (await getJson(`${daily.baseUrl}/logs/api?source=api&limit=100${cursor}`, `Bearer ${daily.token}`)) as { id: string }[];
          rows += body.length;
          if (body.length < 100) return rows;
          cursor = `&starting_after=${body[body.length - 1].id}`;
        }
      },
    },
  ];
}

interface Run {
  readonly ms: number;
  /** CPU time of this process (the client or the bare loop) and of the server's process. */
  readonly cpuMs: number;
  readonly serverCpuMs: number;
  readonly rows: number;
}

async function timeRun(server: RemoteServer, action: () => Promise<number>): Promise<Run> {
  const serverBefore = (await server.counts()).cpuMs;
  const cpuBefore = cpuMs();
  const started = performance.now();
  const rows = await action();
  const ms = performance.now() - started;
  const cpu = cpuMs() - cpuBefore;
  return { ms, cpuMs: cpu, serverCpuMs: (await server.counts()).cpuMs - serverBefore, rows };
}

/**
 * The client's `pages()` vs the bare loop over the same cursor pages, run by run in turn; the client must stay
 * within `limit` × the bare loop (ratio of medians). The JIT is warmed by `warmup` runs of each (the first run also
 * makes the server generate its data). Also given: each side's CPU time, the server's, and the load average.
 */
export async function cursorPaging(rowCount: number, latencyMs: number, limit: number, rounds: number, warmup: number): Promise<Figure[]> {
  const cases = await pagingCases(rowCount, latencyMs);
  const figures: Figure[] = [];
  for (const testCase of cases) {
    const loadBefore = loadavg()[0];
    for (let i = 0; i < warmup; i++) {
      await testCase.bare();
      await client(testCase);
    }
    const bareRuns: Run[] = [];
    const clientRuns: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      // Which goes first alternates, so a load change during the round falls on both sides alike.
      const runBare = () => timeRun(testCase.server, () => testCase.bare());
      const runClient = () => timeRun(testCase.server, () => client(testCase));
      const c = round % 2 === 0 ? undefined : await runClient();
      const b = await runBare();
      const ours = c ?? (await runClient());
      if (b.rows !== ours.rows || ours.rows < rowCount * 0.9) throw new Error(`${testCase.id}: bare saw ${b.rows} rows, client ${ours.rows}`);
      bareRuns.push(b);
      clientRuns.push(ours);
    }
    const of = (runs: Run[], key: keyof Run) => median(runs.map((run) => run[key]));
    const label = `page through ${testCase.id} ${rowCount.toLocaleString('en')} rows, ${testCase.pageSize}/page, ${latencyMs} ms latency`;
    figures.push(
      reference(`${label}: bare http.get loop, median`, of(bareRuns, 'ms'), 'ms', rounds),
      reference(`${label}: client, median`, of(clientRuns, 'ms'), 'ms', rounds),
      atMost(`${label}: client / bare`, of(clientRuns, 'ms') / of(bareRuns, 'ms'), '×', limit, rounds),
      reference(`${label}: CPU time of the bare loop, median`, of(bareRuns, 'cpuMs'), 'ms', rounds),
      reference(`${label}: CPU time of the client, median`, of(clientRuns, 'cpuMs'), 'ms', rounds),
      reference(`${label}: CPU time of the server process in a client run, median`, of(clientRuns, 'serverCpuMs'), 'ms', rounds),
      reference(`${label}: load average (1 min) at the start`, loadBefore, 'load', 1),
      reference(`${label}: load average (1 min) at the end`, loadavg()[0], 'load', 1),
    );
    testCase.server.close();
  }
  return figures;
}
