import { strict as assert } from 'node:assert';
import { accountNodeId, byLabel, connectionNodeId, streamNodeId } from '../../../src/tree/treeIds';

describe('tree ids', () => {
  it('are hierarchical: each id extends its parent id', () => {
    const account = accountNodeId('a1');
    const connection = connectionNodeId('a1', 'daily');
    const stream = streamNodeId('a1', 'daily', 'daily.webhook');
    assert.equal(account, '/accounts/a1');
    assert.equal(connection, '/accounts/a1/providers/daily');
    assert.equal(stream, '/accounts/a1/providers/daily/streams/daily.webhook');
    assert.ok(stream.startsWith(connection) && connection.startsWith(account));
  });

  it('differ between accounts and providers', () => {
    const ids = new Set([connectionNodeId('a1', 'daily'), connectionNodeId('a2', 'daily'), connectionNodeId('a1', 'lago')]);
    assert.equal(ids.size, 3);
  });

  it('sorts labels case-insensitively with numbers in natural order', () => {
    const names = ['staging 10', 'Acme', 'staging 9', 'beta'];
    assert.deepEqual([...names].sort(byLabel((n: string) => n)), ['Acme', 'beta', 'staging 9', 'staging 10']);
  });
});
