import { strict as assert } from 'node:assert';
import { resolveBaseUrl, toConnectionConfig } from '../../../src/connections/connectionConfig';

describe('connection config', () => {
  it('uses each provider\'s documented base URL by default', () => {
    assert.equal(resolveBaseUrl({ provider: 'daily' }), 'https://api.daily.co/v1');
    assert.equal(resolveBaseUrl({ provider: 'lago', region: 'us' }), 'https://api.getlago.com/api/v1');
    assert.equal(resolveBaseUrl({ provider: 'lago', region: 'eu' }), 'https://api.eu.getlago.com/api/v1');
    assert.equal(
      resolveBaseUrl({ provider: 'lago', region: 'selfHosted', selfHostedUrl: 'https://lago.acme.dev/' }),
      'https://lago.acme.dev/api/v1',
    );
    assert.equal(
      resolveBaseUrl({ provider: 'signalwire', space: 'acme', projectId: 'p' }),
      'https://acme.signalwire.com',
    );
  });

  it('prefers the override and drops trailing slashes', () => {
    assert.equal(resolveBaseUrl({ provider: 'daily', baseUrlOverride: 'http://127.0.0.1:4010/v1//' }), 'http://127.0.0.1:4010/v1');
  });

  it('carries the SignalWire project id and the secret into the client config', () => {
    assert.deepEqual(toConnectionConfig({ provider: 'signalwire', space: 'acme', projectId: 'p-1' }, 's3cret'), {
      provider: 'signalwire',
      baseUrl: 'https://acme.signalwire.com',
      projectId: 'p-1',
      secret: 's3cret',
    });
    assert.deepEqual(toConnectionConfig({ provider: 'daily' }, 'k'), { provider: 'daily', baseUrl: 'https://api.daily.co/v1', secret: 'k' });
  });
});
