import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { ViewSpec } from '../../../src/protocol/savedView';
import { parseStoredViews, parseViewsText, toSpec, viewsDocument } from '../../../src/views/viewSchemas';

const spec: ViewSpec = {
  name: 'Failed room calls',
  provider: 'daily',
  streamId: 'daily.api',
  filters: { url: '/rooms' },
  query: 'status:>=400 method:POST',
  timeRange: { kind: 'relative', preset: '1h' },
  layout: { hiddenColumns: ['ip'], columnWidths: { url: 320 }, sort: { key: 'status', direction: 'desc' } },
};

describe('saved view schemas', () => {
  it('round-trips a view through the shared document, relative range still relative', () => {
    const parsed = parseViewsText(viewsDocument([spec]), '/ws/.vscode/api-logs.json');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.views, [spec]);
  });

  it('writes a version and never an account id, even when the view carries one', () => {
    const text = viewsDocument([{ ...spec, accountId: 'acc-secret-id', id: 'v1' } as ViewSpec]);
    assert.equal(JSON.parse(text).version, 1);
    assert.ok(!text.includes('acc-secret-id'), text);
    assert.ok(!text.includes('"id"'), text);
  });

  it('skips a bad entry with a message naming the file and the entry, and keeps the others', () => {
    const text = JSON.stringify({ version: 1, views: [spec, { ...spec, name: 'Bad', provider: 'lago' }, { ...spec, name: 'Token', token: 'x' }] });
    const parsed = parseViewsText(text, '/ws/.vscode/api-logs.json');
    assert.deepEqual(parsed.views.map((view) => view.name), ['Failed room calls']);
    assert.equal(parsed.problems.length, 2);
    assert.match(parsed.problems[0], /^\/ws\/\.vscode\/api-logs\.json: view 2 \("Bad"\) is invalid \(streamId: the stream does not belong to the provider\)/);
    assert.match(parsed.problems[1], /view 3 \("Token"\) is invalid .*token/);
  });

  it('reports a file that is not JSON or not a view list as one problem', () => {
    assert.match(parseViewsText('{ "views": [', 'f.json').problems[0], /^f\.json is not valid JSON/);
    assert.match(parseViewsText('[1, 2]', 'f.json').problems[0], /^f\.json: expected \{ "version": 1, "views": \[\.\.\.\] \}/);
  });

  it('reads an unversioned record as version 1 and refuses a newer version', () => {
    assert.deepEqual(parseViewsText(JSON.stringify({ views: [spec] }), 'f').views, [spec]);
    const newer = parseViewsText(JSON.stringify({ version: 2, views: [spec] }), 'f');
    assert.deepEqual(newer.views, []);
    assert.match(newer.problems[0], /newer version of API Logs Explorer \(version 2\)/);
  });

  it('fills defaults for a hand-written minimal view', () => {
    const parsed = parseViewsText(JSON.stringify({ version: 1, views: [{ name: 'All', provider: 'lago', streamId: 'lago.api' }] }), 'f');
    assert.deepEqual(parsed.views, [{ name: 'All', provider: 'lago', streamId: 'lago.api', filters: {}, query: '', layout: {} }]);
  });

  it('reads stored views with their account and id; nothing stored is no views', () => {
    const stored = { version: 1, views: [{ ...spec, id: 'v1', accountId: 'a1' }, { ...spec, id: '', accountId: 'a1' }] };
    const parsed = parseStoredViews(stored);
    assert.deepEqual(parsed.views, [{ ...spec, id: 'v1', accountId: 'a1' }]);
    assert.equal(parsed.problems.length, 1);
    assert.deepEqual(parseStoredViews(undefined), { views: [], problems: [] });
  });

  it('never throws on arbitrary JSON and only ever returns valid views', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseViewsText(JSON.stringify({ version: 1, views: [value] }), 'f');
        for (const view of parsed.views) assert.deepEqual(toSpec(view), view);
        assert.equal(parsed.views.length + parsed.problems.length, 1);
      }),
      { numRuns: 200 },
    );
  });
});
