import assert from 'node:assert/strict';
import type { ViewSpec } from '../../../src/protocol/savedView';
import { unshareableReason } from '../../../src/views/shareCheck';

const view = (query: string, filters: ViewSpec['filters'] = {}): ViewSpec => ({ name: 'v', provider: 'daily', streamId: 'daily.webhook', filters, query, layout: {} });

describe('sharing a view in the workspace file', () => {
  it('lets ordinary queries and filters through', () => {
    assert.equal(unshareableReason(view('status:>=400 path:/v1/rooms* "not found"', { url: 'https://hooks.example.com/daily' }), ['tok_live_123456']), undefined);
  });

  it('refuses a URL with a user name and password, naming where it is', () => {
    assert.equal(unshareableReason(view('', { url: 'https://ops:hunter22@hooks.example.com/daily' }), []), 'its filter "url" holds a URL with a user name and password');
  });

  it('refuses a connection’s token or an Authorization header anywhere, also in a list filter', () => {
    assert.equal(unshareableReason(view('url:*tok_live_123456*'), ['tok_live_123456']), 'its query holds a token or an Authorization header');
    assert.equal(unshareableReason(view('', { methods: ['GET', 'Bearer abc.def.ghi'] }), []), 'its filter "methods" holds a token or an Authorization header');
  });
});
