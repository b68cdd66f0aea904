import { strict as assert } from 'node:assert';
import type { Account } from '../../../src/auth/account';
import { LensBuilder } from '../../../src/code/lensBuilder';
import { LensRowCache } from '../../../src/code/lensRowCache';
import { PanelFolds } from '../../../src/code/panelFolds';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import { LogSession } from '../../../src/query/logSession';
import { until } from '../../support/until';

const now = new Date(2026, 10, 29, 15, 0).getTime();

function presenceRow(n: number, status: number): LogRow {
  const time = now - n * 60_000;
  return { id: `r${n}`, time, severity: 'info', fields: { id: `r${n}`, url: `/v1/rooms/room-${n % 3}/presence`, status, method: 'GET', response: '{"error":"invalid-request-error"}' } };
}

const file = ["const DAILY = 'https://api.daily.co/v1';", 'fetch(`${DAILY}/rooms/${room}/presence`);', "lago.post('/api/v1/events', e);"].join('\n');
const document = (version: number, text = file) => ({ key: 'file:///w/presence.ts', version: `${version}`, text: () => text });

describe('lens builder: what one CodeLens provision computes', () => {
  let accounts: Account[];
  let pages: LogRow[][];
  let session: LogSession;
  let cached: LogRow[];
  let builder: LensBuilder;
  let cache: LensRowCache;
  let clock: number;

  beforeEach(async () => {
    accounts = [{ id: 'acme', name: 'Acme', connections: [{ provider: 'daily' }] }];
    pages = [[presenceRow(1, 200), presenceRow(2, 400)], [presenceRow(3, 500)]];
    session = new LogSession({ fetchPage: () => Promise.resolve({ rows: pages.shift() ?? [], next: 'older' }), filters: {}, pageSize: 100, maxRows: 1_000, tailIntervalMs: 60_000 });
    clock = now;
    const folds = new PanelFolds(new Set(['daily.api']), () => clock);
    cached = [];
    cache = new LensRowCache(() => Promise.resolve(cached), 60_000);
    builder = new LensBuilder(folds, cache, () => accounts);
    folds.onDidChange(() => builder.rowsChanged());
    cache.onDidChange(() => builder.rowsChanged());
    folds.attach({ identity: { accountId: 'acme', streamId: 'daily.api' }, session });
    await session.refresh();
  });

  afterEach(() => session.dispose());

  it('titles the lines naming a connected provider from the rows folded so far, and again when more arrive', async () => {
    const first = builder.build(document(1), now);
    assert.deepEqual(first.map((model) => [model.line, model.title]), [[1, 'Daily · 2 calls today · 1 failed · last 400 invalid-request-error 14:58']]);
    assert.equal(builder.build(document(2), now)[0].title, first[0].title, 'typing keeps the figures');
    await session.loadOlder();
    assert.equal(builder.build(document(3), now)[0].title, 'Daily · 3 calls today · 2 failed · last 400 invalid-request-error 14:58');
  });

  it('starts "today" again on the first provision after midnight, rows unchanged', () => {
    assert.match(builder.build(document(1), now)[0].title, /^Daily · 2 calls today/);
    clock = new Date(2026, 10, 30, 0, 5).getTime();
    assert.equal(builder.build(document(1), clock)[0].title, 'Daily · 0 calls today · last 400 invalid-request-error Nov 29 14:58');
  });

  it('counts the lens cache\'s rows too, a row a panel also holds once', async () => {
    cached = [presenceRow(2, 400), presenceRow(9, 404)];
    assert.equal(cache.refresh('acme/daily', 'daily.api', ['rooms', '*', 'presence']), true);
    await until(() => cache.rows('acme/daily', 'daily.api', ['rooms', '*', 'presence']).length === 2, 'the cached rows');
    assert.equal(builder.build(document(1), now)[0].title, 'Daily · 3 calls today · 2 failed · last 400 invalid-request-error 14:58');
  });

  it('lists the endpoints shown for the background fetches once, and none for a file naming no provider', () => {
    assert.deepEqual(builder.build(document(1, "fetch('/rooms/' + name + '/presence')"), now), []);
    assert.deepEqual(builder.takeDue(), []);
    builder.build(document(2), now);
    assert.deepEqual(builder.takeDue().map((model) => `${model.source.accountId} ${model.template.join('/')}`), ['acme rooms/*/presence']);
    assert.deepEqual(builder.takeDue(), []);
  });

  it('follows the accounts: a new connection adds its lenses, a second account of a provider names its account', () => {
    assert.equal(builder.build(document(1), now).length, 1);
    accounts = [...accounts, { id: 'beta', name: 'Beta', connections: [{ provider: 'daily' }, { provider: 'lago', region: 'us' }] }];
    assert.equal(builder.build(document(1), now).length, 1, 'nothing recomputed before the accounts change is told');
    builder.accountsChanged();
    const titles = builder.build(document(1), now).map((model) => model.title);
    assert.deepEqual(titles, [
      'Daily (Acme) · 2 calls today · 1 failed · last 400 invalid-request-error 14:58',
      'Daily (Beta) · no calls in the loaded logs',
      'Lago · no calls in the loaded logs',
    ]);
  });
});
