import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import type { EndpointStats } from '../../../src/code/endpointStats';
import { pathMatchesTemplate, statsFromFolds } from '../../../src/code/endpointStats';
import { PanelFolds, sourceKeyOf } from '../../../src/code/panelFolds';
import type { Page } from '../../../src/providers/connection';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import { LogSession } from '../../../src/query/logSession';
import { until } from '../../support/until';

const now = new Date(2026, 10, 29, 15, 0).getTime();
const midnight = new Date(2026, 10, 29).getTime();
const key = sourceKeyOf('acme', 'daily.api');
const paths = ['/v1/rooms/a/presence', '/v1/rooms/b/presence', '/v1/rooms/a', '/v1/meetings', '/v1/rooms', 'https://api.daily.co/v1/rooms/c/presence'];
const statuses = [200, 201, 400, 404, 500];
const templates = [['rooms', '*', 'presence'], ['rooms', '*'], ['meetings'], ['rooms'], ['rooms', 'a', 'presence'], ['*', '*', '*']];

/** Row `n` of a pool; every row has its own time (a minute apart, from now back into yesterday). */
function poolRow(n: number): LogRow {
  const status = statuses[n % statuses.length];
  const time = now - n * 60_000 * 7;
  const response = status >= 400 ? JSON.stringify({ error: `error-${n % 3}` }) : '{}';
  const url = n % 17 === 16 ? null : paths[(n * 7) % paths.length];
  return { id: `r${n}`, time, severity: 'info', fields: { id: `r${n}`, url, status, method: 'GET', response } };
}

/** What the lens must say: the matching rows counted one by one. */
function expectedStats(rows: readonly LogRow[], template: readonly string[], dayStart = midnight): EndpointStats {
  const matching = rows.filter((row) => typeof row.fields.url === 'string' && pathMatchesTemplate(row.fields.url, template));
  const failed = matching.filter((row) => Number(row.fields.status) >= 400);
  const today = matching.filter((row) => row.time >= dayStart);
  const last = failed.reduce<LogRow | undefined>((best, row) => (!best || row.time > best.time ? row : best), undefined);
  return {
    calls: matching.length,
    callsToday: today.length,
    failedToday: today.filter((row) => Number(row.fields.status) >= 400).length,
    lastFailure: last && { status: Number(last.fields.status), code: (JSON.parse(String(last.fields.response)) as { error: string }).error, time: last.time },
    lastCall: matching.length > 0 ? Math.max(...matching.map((row) => row.time)) : undefined,
  };
}

/** A panel's session whose next page the test chooses; every page says there is an older one. */
class ScriptedPanel {
  next: readonly LogRow[] = [];
  readonly identity = { accountId: 'acme', streamId: 'daily.api' as const };
  readonly session = new LogSession({
    fetchPage: (): Promise<Page> => Promise.resolve({ rows: this.next, next: 'older' }),
    filters: {},
    pageSize: 100,
    maxRows: 1_000,
    tailIntervalMs: 60_000,
  });
}

function union(panels: readonly ScriptedPanel[]): LogRow[] {
  return [...new Map(panels.flatMap((panel) => Array.from(panel.session.rows, (row) => [row.id, row] as const))).values()];
}

const rowPicks = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 15 }).map((ns) => ns.map(poolRow));
const operation = fc.oneof(
  fc.record({ kind: fc.constant('refresh' as const), panel: fc.nat(2), rows: rowPicks }),
  fc.record({ kind: fc.constant('older' as const), panel: fc.nat(2), rows: rowPicks }),
  fc.record({ kind: fc.constant('bound' as const), panel: fc.nat(2), maxRows: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('open' as const) }),
  fc.record({ kind: fc.constant('close' as const), panel: fc.nat(2) }),
);

describe('panel folds: the open panels\' rows folded by path as they arrive', () => {
  it('give every endpoint the figures its rows say, whatever arrives, is dropped, refreshed or closed (two panels of one source count a row once)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (operations) => {
        const folds = new PanelFolds(new Set(['daily.api']), () => now);
        const open: { panel: ScriptedPanel; detach: { dispose(): void } }[] = [];
        const openPanel = () => {
          const panel = new ScriptedPanel();
          open.push({ panel, detach: folds.attach(panel) });
        };
        openPanel();
        for (const op of operations) {
          const target = op.kind === 'open' ? undefined : open[op.panel % Math.max(1, open.length)];
          if (op.kind === 'open') openPanel();
          else if (!target) continue;
          else if (op.kind === 'close') {
            target.detach.dispose();
            target.panel.session.dispose();
            open.splice(open.indexOf(target), 1);
          } else if (op.kind === 'bound') target.panel.session.updateSettings({ pageSize: 100, maxRows: op.maxRows, tailIntervalMs: 60_000 });
          else {
            target.panel.next = op.rows;
            await (op.kind === 'refresh' ? target.panel.session.refresh() : target.panel.session.loadOlder());
          }
          const rows = union(open.map((entry) => entry.panel));
          const fold = folds.foldOf(key);
          for (const template of templates) {
            assert.deepEqual(statsFromFolds(fold ? [fold] : [], template), expectedStats(rows, template), `${op.kind} then ${template.join('/')}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('folds the rows of a live tail as they come, and only the streams lenses report on', async () => {
    const stream: LogRow[] = [poolRow(5), poolRow(6)];
    const session = new LogSession({ fetchPage: () => Promise.resolve({ rows: [...stream] }), filters: {}, pageSize: 100, maxRows: 1_000, tailIntervalMs: 10 });
    const folds = new PanelFolds(new Set(['daily.api']), () => now);
    folds.attach({ identity: { accountId: 'acme', streamId: 'daily.api' }, session });
    const untracked = folds.attach({ identity: { accountId: 'acme', streamId: 'daily.webhook' }, session });
    await session.refresh();
    stream.unshift(poolRow(0), poolRow(1));
    session.setLiveTail(true);
    await until(() => session.rows.length === 4, 'the tail to bring two rows');
    session.dispose();
    untracked.dispose();
    for (const template of templates) assert.deepEqual(statsFromFolds([folds.foldOf(key)!], template), expectedStats([...session.rows], template));
    assert.equal(folds.foldOf(sourceKeyOf('acme', 'daily.webhook')), undefined);
  });

  it('reads no row when a lens asks: the figures come from the fold made on arrival', async () => {
    let reads = 0;
    const counted = (row: LogRow): LogRow => ({ ...row, fields: new Proxy(row.fields, { get: (target, name: string) => (reads++, target[name]) }) });
    const panel = new ScriptedPanel();
    panel.next = Array.from({ length: 60 }, (_, n) => poolRow(n));
    // The session rebuilds the rows it holds when read; the folds get them with their field reads counted.
    const { session } = panel;
    const countedPanel = {
      identity: panel.identity,
      session: {
        get rows() {
          return Array.from(session.rows, counted);
        },
        getRow: (id: string) => {
          const row = session.getRow(id);
          return row && counted(row);
        },
        onEvent: (listener: Parameters<typeof session.onEvent>[0]) =>
          session.onEvent((event) => listener(event.type === 'rows' ? { ...event, rows: event.rows.map(counted) } : event)),
      },
    };
    const folds = new PanelFolds(new Set(['daily.api']), () => now);
    folds.attach(countedPanel);
    await session.refresh();
    assert.ok(reads >= 60, 'the rows were folded when they arrived');
    reads = 0;
    const stats = statsFromFolds([folds.foldOf(key)!], ['rooms', '*', 'presence']);
    assert.ok(stats.calls > 0);
    assert.equal(reads, 2, 'only the last failure\'s status and response are read');
  });

  it('starts "today" again after midnight', async () => {
    let clock = now;
    const panel = new ScriptedPanel();
    panel.next = Array.from({ length: 30 }, (_, n) => poolRow(n));
    const folds = new PanelFolds(new Set(['daily.api']), () => clock);
    folds.attach(panel);
    await panel.session.refresh();
    const template = ['rooms', '*', 'presence'];
    assert.ok(statsFromFolds([folds.foldOf(key)!], template).callsToday > 0);
    clock = midnight + 86_400_000 + 60_000;
    assert.deepEqual(statsFromFolds([folds.foldOf(key)!], template), expectedStats([...panel.session.rows], template, midnight + 86_400_000));
    assert.equal(statsFromFolds([folds.foldOf(key)!], template).callsToday, 0);
  });
});
