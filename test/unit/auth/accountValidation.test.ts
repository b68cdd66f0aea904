import { strict as assert } from 'node:assert';
import {
  validateAccountName,
  validateOptionalBaseUrl,
  validateProjectId,
  validateRequiredBaseUrl,
  validateSpaceName,
  validateToken,
} from '../../../src/auth/accountValidation';

describe('account validation', () => {
  it('requires a non-empty, unique (case-insensitive) account name', () => {
    assert.match(validateAccountName('   ', []) ?? '', /Enter a name/);
    assert.match(validateAccountName('acme PROD', ['Acme prod']) ?? '', /already exists/);
    assert.match(validateAccountName('x'.repeat(81), []) ?? '', /80 characters/);
    assert.equal(validateAccountName('  Acme production ', ['Acme staging']), undefined);
  });

  it('rejects empty tokens and tokens with whitespace', () => {
    assert.match(validateToken('') ?? '', /Paste/);
    assert.match(validateToken('abc def') ?? '', /spaces/);
    assert.match(validateToken('abc\ndef') ?? '', /spaces/);
    assert.equal(validateToken(' 3f9a1c0b2e '), undefined);
  });

  it('accepts only a bare SignalWire space name', () => {
    assert.equal(validateSpaceName('acme-video'), undefined);
    assert.match(validateSpaceName('acme.signalwire.com') ?? '', /without "\.signalwire\.com"/);
    assert.match(validateSpaceName('-acme') ?? '', /hyphens/);
    assert.match(validateSpaceName('acme_video') ?? '', /letters, digits and hyphens/);
    assert.match(validateSpaceName('a'.repeat(64)) ?? '', /63/);
    assert.match(validateSpaceName('') ?? '', /space name/);
  });

  it('requires the SignalWire project id to be a UUID', () => {
    assert.equal(validateProjectId('7a1f0c52-3b4d-4e5f-8a9b-0c1d2e3f4a5b'), undefined);
    assert.match(validateProjectId('project-1') ?? '', /UUID/);
  });

  it('allows https anywhere and http only on loopback hosts', () => {
    assert.equal(validateOptionalBaseUrl(''), undefined);
    assert.equal(validateOptionalBaseUrl('https://proxy.example.com/v1'), undefined);
    for (const loopback of ['http://127.0.0.1:8080/v1', 'http://localhost:3000', 'http://[::1]:9000']) {
      assert.equal(validateOptionalBaseUrl(loopback), undefined, loopback);
    }
    for (const bad of ['http://api.daily.co/v1', 'http://10.0.0.5/v1', 'ftp://example.com', 'not a url']) {
      assert.ok(validateOptionalBaseUrl(bad), bad);
    }
    assert.match(validateRequiredBaseUrl('') ?? '', /Enter the server URL/);
  });
});
