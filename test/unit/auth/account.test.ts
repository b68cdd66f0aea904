import { strict as assert } from 'node:assert';
import { parseSecretKey, secretKey } from '../../../src/auth/account';

describe('secret key naming', () => {
  it('names a connection token apiLogs.secret.<accountId>.<provider>', () => {
    assert.equal(secretKey('2b6c1f0e-1111-4a4a-9c9c-123456789abc', 'lago'), 'apiLogs.secret.2b6c1f0e-1111-4a4a-9c9c-123456789abc.lago');
  });

  it('parses its own keys back and ignores everything else', () => {
    const key = secretKey('acc-1', 'signalwire');
    assert.deepEqual(parseSecretKey(key), { accountId: 'acc-1', provider: 'signalwire' });
    assert.equal(parseSecretKey('apiLogs.secret.acc-1.github'), undefined);
    assert.equal(parseSecretKey('other.secret.acc-1.daily'), undefined);
    assert.equal(parseSecretKey('apiLogs.secret.acc.1.daily'), undefined);
  });
});
