import { strict as assert } from 'node:assert';
import { patternTermText, quoteValue, termText, withTerm } from '../../../../src/protocol/query/queryText';

describe('query text builders', () => {
  it('leaves plain values bare and quotes values the parser would split', () => {
    assert.equal(quoteValue('POST'), 'POST');
    assert.equal(quoteValue('/v1/rooms'), '/v1/rooms');
    assert.equal(quoteValue('two words'), '"two words"');
    assert.equal(quoteValue('a:b'), '"a:b"');
    assert.equal(quoteValue('say "hi" \\ now'), '"say \\"hi\\" \\\\ now"');
    assert.equal(quoteValue(''), '""');
    assert.equal(quoteValue('-x'), '"-x"');
    assert.equal(quoteValue('or'), '"or"');
  });

  it('writes field terms and their negation', () => {
    assert.equal(termText('status', '404'), 'status:404');
    assert.equal(termText('ip', '10.0.0.1', { negate: true }), '-ip:10.0.0.1');
    assert.equal(termText('path', '/v1/rooms x'), 'path:"/v1/rooms x"');
  });

  it('adds a term to a query, wrapping a top-level OR and skipping a duplicate', () => {
    assert.equal(withTerm('', 'status:404'), 'status:404');
    assert.equal(withTerm('  method:POST ', 'status:404'), 'method:POST status:404');
    assert.equal(withTerm('a OR b', 'c:1'), '(a OR b) c:1');
    assert.equal(withTerm('(a OR b) x', 'c:1'), '(a OR b) x c:1');
    assert.equal(withTerm('"a OR b"', 'c:1'), '"a OR b" c:1');
    assert.equal(withTerm('method:POST status:404', 'status:404'), 'method:POST status:404');
  });

  it('keeps * a wildcard in a pattern term, and quotes a pattern that cannot stay bare', () => {
    assert.equal(patternTermText('path', '/v1/rooms/*/presence'), 'path:/v1/rooms/*/presence');
    assert.equal(patternTermText('path', '/v1/rooms x/*'), 'path:"/v1/rooms x/*"');
  });
});
