import { strict as assert } from 'node:assert';
import { redactUrl } from '../../../src/http/redaction';

describe('redaction', () => {
  it('redacts token-like query values and URL credentials, keeping the rest', () => {
    const url = redactUrl('https://user:pw@x.signalwire.com/api/voice/logs?page_number=1&page_token=PA123&api_key=k');
    assert.equal(url, 'https://redacted@x.signalwire.com/api/voice/logs?page_number=1&page_token=redacted&api_key=redacted');
  });

  it('redacts credentials in the authority even when no query name looks secret', () => {
    assert.equal(redactUrl('https://user:pw@x.signalwire.com/api/video/logs?page=2'), 'https://redacted@x.signalwire.com/api/video/logs?page=2');
    assert.equal(redactUrl('https://only-user@api.daily.co/v1/logs'), 'https://redacted@api.daily.co/v1/logs');
  });

  it('leaves a URL without credentials or secret-looking names exactly as it was', () => {
    const plain = 'https://api.daily.co/v1/logs?limit=100&starting_after=abc';
    assert.equal(redactUrl(plain), plain);
  });
});
