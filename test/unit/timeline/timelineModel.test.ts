import assert from 'node:assert/strict';
import type { ProviderConnection } from '../../../src/providers/connection';
import { streamDefinitionsFor } from '../../../src/providers/providerRegistry';
import type { StreamId } from '../../../src/protocol/streamDefinition';
import { LogSession } from '../../../src/query/logSession';
import type { FakeProviderServer } from '../../../src/sample/fakeServers';
import { startFakeServer } from '../../../src/sample/fakeServers';
import { TimelineModel, type TimelineEvent } from '../../../src/timeline/timelineModel';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import type { DailyApiLogRecord } from '../../../src/sample/dailyApiLogData';
import { connect } from '../providers/clientTestSupport';
import { until } from '../../support/until';

/** The webview's list after the model's messages, as the webview applies them (`rows` modes and `dropOldest`). */
function shownAfter(start: readonly LogRow[], events: readonly TimelineEvent[]): string[] {
  let shown = start.map((row) => row.id);
  for (const event of events) {
    if (event.type === 'dropOldest') shown = shown.slice(0, shown.length - event.count);
    if (event.type !== 'rows') continue;
    const ids = event.rows.map((row) => row.id);
    if (event.mode === 'replace') shown = ids;
    if (event.mode === 'append') shown = [...shown, ...ids];
    if (event.mode === 'prepend') shown = [...ids, ...shown];
    if (event.mode === 'insert') shown.splice(shown.indexOf(event.beforeRowId), 0, ...ids);
  }
  return shown;
}

const providers = ['daily', 'lago', 'signalwire'] as const;
const streams: Readonly<Record<(typeof providers)[number], StreamId>> = { daily: 'daily.api', lago: 'lago.api', signalwire: 'signalwire.voice' };
const labels = { daily: 'Acme · Daily · API logs', lago: 'Acme · Lago · API logs', signalwire: 'Acme · SignalWire · Voice logs' };

/** A timeline of Daily API logs, Lago API logs and SignalWire voice logs, each from its local fake server over HTTP. */
describe('TimelineModel over the fake Daily, Lago and SignalWire servers', () => {
  const servers = new Map<string, FakeProviderServer>();
  const connections: ProviderConnection[] = [];
  let model: TimelineModel | undefined;

  before(async () => {
    const now = Date.now();
    for (const provider of providers) servers.set(provider, await startFakeServer(provider, { now, rowCount: 600 }));
  });
  afterEach(() => {
    model?.dispose();
    servers.forEach((server) => server.setFault(undefined));
    connections.splice(0).forEach((connection) => connection.dispose());
  });
  after(async () => {
    await Promise.all([...servers.values()].map((server) => server.close()));
  });

  function timeline(pageSize = 50): TimelineModel {
    const sources = providers.map((provider, index) => {
      const connection = connect(server(provider), { maxRetries: 0 });
      connections.push(connection);
      const client = connection.stream(streams[provider]);
      const definition = streamDefinitionsFor(provider).find((stream) => stream.id === streams[provider]);
      assert.ok(definition);
      const session = new LogSession({ fetchPage: (request) => client.fetchPage(request), filters: {}, pageSize, maxRows: 100_000, tailIntervalMs: 60_000 });
      return { info: { index, provider, label: labels[provider], definition }, session };
    });
    model = new TimelineModel(sources);
    return model;
  }

  function server(provider: string): FakeProviderServer {
    const found = servers.get(provider);
    assert.ok(found);
    return found;
  }

  const requestCounts = () => providers.map((provider) => server(provider).requests.length);
  const oldestOf = (built: TimelineModel, label: string) => built.rows.filter((row) => row.fields.source === label).at(-1)?.time;

  it('merges the first page of every source newest first, each row naming its source and colour', async () => {
    const built = timeline();
    const before = requestCounts();
    await built.refresh();
    assert.deepEqual(requestCounts().map((count, i) => count - before[i]), [1, 1, 1]);
    const rows = built.rows;
    assert.equal(rows.length, 150);
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1].time >= rows[i].time, `row ${i} is newer than row ${i - 1}`);
    assert.equal(new Set(rows.map((row) => row.id)).size, 150);
    providers.forEach((provider, index) => {
      const own = rows.filter((row) => row.fields.source === labels[provider]);
      assert.equal(own.length, 50, provider);
      assert.ok(own.every((row) => row.fields.sourceColour === index));
      assert.deepEqual(own[0].fields[provider], built.sourceRow(own[0].id)?.row.fields);
    });
    const lago = rows.find((row) => row.fields.source === labels.lago);
    assert.ok(lago);
    assert.equal(built.sourceRow(lago.id)?.row.fields.http_method, lago.fields.method);
  });

  it('is complete back to the newest of the sources’ oldest times, naming the source that stops there', async () => {
    const built = timeline();
    await built.refresh();
    const oldest = providers.map((provider) => oldestOf(built, labels[provider]) ?? Number.NaN);
    const since = Math.max(...oldest);
    const completeness = built.status().timeline?.completeness;
    assert.deepEqual(completeness, { kind: 'since', since, behind: [labels[providers[oldest.indexOf(since)]]] });
  });

  it('Load older asks only the server of the source furthest behind for a page', async () => {
    const built = timeline();
    await built.refresh();
    for (let click = 0; click < 4; click++) {
      const oldest = providers.map((provider) => oldestOf(built, labels[provider]) ?? Number.NaN);
      const behind = oldest.indexOf(Math.max(...oldest));
      const before = requestCounts();
      await built.loadOlder();
      const asked = requestCounts().map((count, i) => count - before[i]);
      assert.deepEqual(asked, providers.map((_, i) => (i === behind ? 1 : 0)), `click ${click}`);
    }
    assert.equal(built.rows.length, 150 + 4 * 50);
    for (let i = 1; i < built.rows.length; i++) assert.ok(built.rows[i - 1].time >= built.rows[i].time);
  });

  it('places an older page among the rows already shown with insert and append messages', async () => {
    const built = timeline();
    await built.refresh();
    const shown = [...built.rows];
    const events: TimelineEvent[] = [];
    built.onEvent((event) => events.push(event));
    await built.loadOlder();
    assert.ok(events.every((event) => event.type !== 'rows' || event.mode !== 'replace'), 'an older page replaced the table');
    assert.deepEqual(shownAfter(shown, events), built.rows.map((row) => row.id));
  });

  it('keeps the other sources’ rows and names the failing one when one server refuses', async () => {
    const built = timeline();
    server('lago').setFault('unauthorized');
    await built.refresh();
    assert.equal(built.rows.length, 100);
    assert.ok(built.rows.every((row) => row.fields.source !== labels.lago));
    const error = built.error();
    assert.equal(error?.kind, 'auth');
    assert.match(error?.message ?? '', /^Acme · Lago · API logs: /);
    const status = built.status().timeline;
    assert.deepEqual(status?.completeness, { kind: 'none', behind: [labels.lago] });
    assert.ok(status?.sources[1].error);
    assert.equal(status?.sources[0].error, undefined);
    const before = requestCounts();
    await built.loadOlder();
    assert.equal(server('lago').requests.length, before[1], 'the failing source is not advanced');
    server('lago').setFault(undefined);
    await built.retry();
    assert.equal(built.error(), null);
    assert.equal(built.rows.filter((row) => row.fields.source === labels.lago).length, 50);
  });

  it('loads every source back to a moment for Show Around This Time', async () => {
    const built = timeline();
    await built.refresh();
    const target = Math.min(...providers.map((provider) => oldestOf(built, labels[provider]) ?? Number.NaN)) - 60_000;
    await built.loadBackTo(target);
    for (const provider of providers) {
      const reached = oldestOf(built, labels[provider]) ?? Number.NaN;
      const status = built.status().timeline?.sources.find((source) => source.label === labels[provider]);
      assert.ok(reached <= target || status?.more === false, `${provider} reached ${reached}, wanted ${target}`);
    }
    assert.ok(requestCounts().every((count) => count >= 2));
  });

  it('keeps the whole timeline within maxRows, each source its share, and counts what was dropped', async () => {
    const built = timeline();
    await built.refresh();
    const before = [...built.rows];
    const events: TimelineEvent[] = [];
    built.onEvent((event) => events.push(event));
    built.updateSettings({ pageSize: 50, maxRows: 120, tailIntervalMs: 60_000 });
    assert.equal(built.rows.length, 120);
    for (const provider of providers) assert.equal(built.rows.filter((row) => row.fields.source === labels[provider]).length, 40, provider);
    assert.equal(built.status().dropped, 30);
    assert.ok(events.some((event) => event.type === 'dropOldest'));
    assert.deepEqual(shownAfter(before, events), built.rows.map((row) => row.id));
  });

  it('merges live-tail rows in place: one poll sends Daily\'s new rows and the drops, never the whole table', async () => {
    const built = timeline();
    await built.refresh();
    built.updateSettings({ pageSize: 50, maxRows: 150, tailIntervalMs: 20 });
    const before = [...built.rows];
    const events: TimelineEvent[] = [];
    built.onEvent((event) => events.push(event));
    const at = Date.now() + 1_000;
    const added = Array.from({ length: 3 }, (_, i): DailyApiLogRecord => ({
      id: `tail-${i}`, userId: 'u', domainId: 'd', source: 'api', ip: '203.0.113.9', method: 'GET',
      url: '/v1/rooms/tail', status: 200, createdAt: new Date(at + i).toISOString(), request: '{}', response: '{}',
    }));
    server('daily').addApiLogs!(added);
    const dailyRequests = server('daily').requests.length;
    built.setLiveTail(true);
    await until(() => built.rows.some((row) => row.id === '0~tail-2') && built.status().activity === 'idle', 'the poll');
    built.setLiveTail(false);
    assert.ok(server('daily').requests.length > dailyRequests, 'Daily was polled');
    assert.equal(built.rows.length, 150, 'the whole timeline stays within maxRows');
    assert.deepEqual(built.rows.slice(0, 3).map((row) => row.id), ['0~tail-2', '0~tail-1', '0~tail-0']);
    assert.ok(events.every((event) => event.type !== 'rows' || event.mode !== 'replace'), 'a poll replaced the table');
    assert.deepEqual(shownAfter(before, events), built.rows.map((row) => row.id));
  });
});

