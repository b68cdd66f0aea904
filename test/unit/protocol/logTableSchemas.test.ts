import assert from 'node:assert/strict';
import type { WebviewMessage } from '../../../src/protocol/logTable';
import { parsePanelIdentity, parseWebviewMessage } from '../../../src/protocol/logTableSchemas';

describe('logTableSchemas', () => {
  describe('parseWebviewMessage', () => {
    const valid: WebviewMessage[] = [
      { type: 'ready' },
      { type: 'setFilters', filters: { url: '/rooms', http_methods: ['post', 'put'], startTime: 1_700_000_000_000, includeDeleted: true } },
      { type: 'loadOlder' },
      { type: 'loadAll' },
      { type: 'cancelLoad' },
      { type: 'retry' },
      { type: 'setLiveTail', enabled: true },
      { type: 'setTailPaused', paused: false },
      { type: 'export', format: 'ndjson' },
      { type: 'export', format: 'csv', rowIds: ['a', 'b'] },
      { type: 'copyText', text: '<script>alert(1)</script>' },
      { type: 'copyRowAsJson', rowId: 'x' },
      { type: 'openRowAsJson', rowId: 'x' },
      { type: 'copyCurl', rowId: 'x' },
      { type: 'openLink', url: 'https://example.com' },
      { type: 'updateToken' },
      { type: 'setTimeZone', timeZone: 'utc' },
      { type: 'listMeetingSessions', id: 3 },
      { type: 'listMeetingSessions', id: 4, query: { room: 'standup', from: 1, to: 2, after: 'mtg-1' } },
      { type: 'listCallEvents', id: 5, rowId: 'call-1' },
      { type: 'queryChanged', query: 'status:>=400 -ip:10.0.*' },
      { type: 'queryChanged', query: '', timeRange: { kind: 'relative', preset: '1h' } },
      { type: 'queryChanged', query: 'x', timeRange: { kind: 'absolute', from: 1_700_000_000_000 } },
    ];

    for (const message of valid) {
      it(`accepts ${message.type}${'format' in message ? ` (${message.format})` : ''}`, () => {
        const result = parseWebviewMessage(message);
        assert.ok(result.ok, result.ok ? '' : result.reason);
        assert.deepEqual(result.value, message);
      });
    }

    const invalid: [string, unknown][] = [
      ['an unknown type', { type: 'deleteEverything' }],
      ['a non-object', 'ready'],
      ['null', null],
      ['an extra field', { type: 'ready', html: '<b>' }],
      ['a wrong field type', { type: 'setLiveTail', enabled: 'yes' }],
      ['an unknown export format', { type: 'export', format: 'xlsx' }],
      ['an empty row id', { type: 'copyCurl', rowId: '' }],
      ['a null filter value', { type: 'setFilters', filters: { url: null } }],
      ['a nested filter object', { type: 'setFilters', filters: { url: { $ne: 1 } } }],
      ['an infinite number', { type: 'setFilters', filters: { startTime: Infinity } }],
      ['a fractional request id', { type: 'listMeetingSessions', id: 1.5 }],
      ['an unknown meeting query field', { type: 'listMeetingSessions', id: 1, query: { limit: 1000 } }],
      ['a call events request without a row', { type: 'listCallEvents', id: 1 }],
      ['an oversized URL', { type: 'openLink', url: `https://x/${'a'.repeat(9000)}` }],
      ['an unknown time preset', { type: 'queryChanged', query: '', timeRange: { kind: 'relative', preset: '2y' } }],
      ['an oversized query', { type: 'queryChanged', query: 'a'.repeat(10_001) }],
      ['too many filters', { type: 'setFilters', filters: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v'])) }],
    ];

    for (const [name, raw] of invalid) {
      it(`rejects ${name}`, () => {
        assert.equal(parseWebviewMessage(raw).ok, false);
      });
    }

    it('names the type and field in the reason but never echoes content', () => {
      const result = parseWebviewMessage({ type: 'copyCurl', rowId: 42, secret: 'tok_live_123' });
      assert.equal(result.ok, false);
      assert.ok(!result.ok && result.reason.startsWith("message 'copyCurl'"));
      assert.ok(!result.ok && !result.reason.includes('tok_live_123'));
    });
  });

  describe('parsePanelIdentity', () => {
    it('reads the identity from the webview state and ignores UI intent', () => {
      const result = parsePanelIdentity({
        accountId: 'acc-1',
        provider: 'daily',
        streamId: 'daily.api',
        filters: { url: '/rooms' },
        ui: { sort: { key: 'time', direction: 'asc' } },
      });
      assert.ok(result.ok);
      assert.deepEqual(result.value, { accountId: 'acc-1', provider: 'daily', streamId: 'daily.api', filters: { url: '/rooms' } });
    });

    it('keeps the query and time range a reload restores', () => {
      const saved = { accountId: 'a', provider: 'lago', streamId: 'lago.api', filters: {}, query: 'status:4xx', timeRange: { kind: 'relative', preset: '24h' } };
      const result = parsePanelIdentity(saved);
      assert.ok(result.ok);
      assert.deepEqual(result.value, saved);
    });

    it('rejects a stream of another provider, unknown streams and missing state', () => {
      assert.equal(parsePanelIdentity({ accountId: 'a', provider: 'lago', streamId: 'daily.api', filters: {} }).ok, false);
      assert.equal(parsePanelIdentity({ accountId: 'a', provider: 'lago', streamId: 'lago.activity', filters: {} }).ok, false);
      assert.equal(parsePanelIdentity(undefined).ok, false);
      assert.equal(parsePanelIdentity({ ui: {} }).ok, false);
    });
  });
});
