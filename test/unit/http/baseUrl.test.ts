import { strict as assert } from 'node:assert';
import { normalizeBaseUrl, validateBaseUrl } from '../../../src/http/baseUrl';

describe('validateBaseUrl', () => {
  it('accepts https URLs anywhere', () => {
    assert.equal(validateBaseUrl('https://api.daily.co/v1'), undefined);
    assert.equal(validateBaseUrl('https://acme.signalwire.com'), undefined);
  });

  it('accepts http only on loopback hosts', () => {
    for (const url of ['http://127.0.0.1:4010/v1', 'http://localhost:3000/api/v1', 'http://[::1]:8080']) {
      assert.equal(validateBaseUrl(url), undefined, url);
    }
    for (const url of ['http://api.daily.co/v1', 'http://10.0.0.5/v1', 'http://127.0.0.1.nip.io/v1', 'http://localhost.evil.com']) {
      assert.match(validateBaseUrl(url) ?? '', /https:\/\//, url);
    }
  });

  it('rejects other schemes, credentials, queries and garbage', () => {
    assert.match(validateBaseUrl('ftp://example.com') ?? '', /https/);
    assert.match(validateBaseUrl('https://user:pw@example.com') ?? '', /user name or password/);
    assert.match(validateBaseUrl('https://example.com/v1?x=1') ?? '', /query/);
    assert.match(validateBaseUrl('not a url') ?? '', /full URL/);
  });

  it('normalizes trailing slashes away', () => {
    assert.equal(normalizeBaseUrl(' https://api.daily.co/v1/ '), 'https://api.daily.co/v1');
  });
});
