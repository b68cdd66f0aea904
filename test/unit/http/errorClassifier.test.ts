import { strict as assert } from 'node:assert';
import { classifyStatus, readServerError } from '../../../src/http/errorClassifier';

describe('errorClassifier', () => {
  it("reads each provider's error body", () => {
    assert.deepEqual(readServerError('{"error":"invalid-request-error","info":"room not found"}'), {
      message: 'room not found',
      code: 'invalid-request-error',
    });
    assert.deepEqual(readServerError('{"status":403,"error":"Forbidden","code":"feature_unavailable"}'), {
      message: 'Forbidden',
      code: 'feature_unavailable',
    });
    assert.deepEqual(
      readServerError('{"errors":[{"type":"validation_error","code":"invalid_parameter","message":"must be 1..1000","attribute":"page_size","url":"u"}]}'),
      { message: 'page_size: must be 1..1000', code: 'invalid_parameter' },
    );
    assert.deepEqual(readServerError('<html>502</html>'), {});
  });

  it("names the fields of Lago's 422 validation details instead of its generic error", () => {
    const body = '{"status":422,"error":"Unprocessable Entity","code":"validation_errors","error_details":{"per_page":["invalid_value"],"from_date":["invalid_date","too_old"]}}';
    assert.deepEqual(readServerError(body), { message: 'per_page: invalid_value; from_date: invalid_date, too_old', code: 'validation_errors' });
    assert.equal(classifyStatus('Lago', 422, {}, body).message, 'Lago refused the request (422): per_page: invalid_value; from_date: invalid_date, too_old');
  });

  it('maps statuses to kinds', () => {
    const kind = (status: number) => classifyStatus('X', status, {}, '').kind;
    assert.deepEqual([401, 403, 404, 400, 422, 429, 500, 503, 302].map(kind), [
      'auth', 'auth', 'notFound', 'invalid', 'invalid', 'rateLimited', 'server', 'server', 'badResponse',
    ]);
  });

  it('says nothing about the wait for a 429 with Retry-After 0 or an unusable one', () => {
    assert.equal(classifyStatus('Lago', 429, { 'retry-after': '0' }, '').message, 'Lago is rate limiting requests (429).');
    assert.equal(classifyStatus('Lago', 429, { 'retry-after': '9'.repeat(400) }, '').message, 'Lago is rate limiting requests (429).');
  });

  it("keeps the server's message for invalid requests and the wait for 429", () => {
    const invalid = classifyStatus('Daily', 400, {}, '{"error":"invalid-request-error","info":"limit is too big"}');
    assert.equal(invalid.message, 'Daily refused the request (400): limit is too big');
    const limited = classifyStatus('Lago', 429, { 'retry-after': '2' }, '');
    assert.equal(limited.details.retryAfterMs, 2000);
    assert.match(limited.message, /Try again in 2 s/);
  });

  it('shortens a long server message', () => {
    const error = classifyStatus('X', 400, {}, JSON.stringify({ info: 'y'.repeat(1000) }));
    assert.ok(error.message.length < 360);
  });
});
