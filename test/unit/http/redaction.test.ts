import { strict as assert } from 'node:assert';
import { redactUrl } from '../../../src/http/redaction';

describe('redaction', () => {
  it('redacts token-like query values and URL credentials, keeping the rest', () => {
    const url = redactUrl('https://user:pw@x.signalwire.com/api/voice/logs?page_number=1&page_token=PA123&api_key=k');
    assert.equal(url, 'https://redacted@x.signalwire.com/api/voice/logs?page_number=1&page_token=redacted&api_key=redacted');
  });
});
