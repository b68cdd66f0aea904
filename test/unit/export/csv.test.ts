import assert from 'node:assert/strict';
import { csvCell, csvRecord } from '../../../src/export/csv';

/** A minimal RFC 4180 reader, to check that what we write parses back to the same values. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      }
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    }
    else field += char;
  }
  return records;
}

describe('csv', () => {
  it('leaves plain values bare and empties null and undefined', () => {
    assert.deepEqual([csvCell('GET'), csvCell(200), csvCell(true), csvCell(null), csvCell(undefined)], ['GET', '200', 'true', '', '']);
  });

  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('line1\nline2'), '"line1\nline2"');
    assert.equal(csvCell('cr\rhere'), '"cr\rhere"');
  });

  it('guards cells a spreadsheet would run as formulas', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil","x")'), `"'=HYPERLINK(""http://evil"",""x"")"`);
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('\r=1+1'), `"'\r=1+1"`, 'a leading carriage return hides a formula from the eye, not from the spreadsheet');
    assert.equal(csvCell('\t=1+1'), "'\t=1+1");
    assert.equal(csvCell('-2+3'), "'-2+3");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\t=1'), "'\t=1");
    assert.equal(csvCell(-5), '-5', 'numbers are data, not formulas');
    assert.equal(csvCell('a=b'), 'a=b', 'only a leading sign triggers');
  });

  it('writes objects as JSON text', () => {
    assert.equal(csvCell({ a: [1, 'x,y'] }), '"{""a"":[1,""x,y""]}"');
  });

  it('round-trips hostile values through an RFC 4180 reader', () => {
    const values = ['plain', 'a,b', '"quoted"', 'multi\r\nline', '', 'ünïcödé ✓', 'trailing space ', '<script>alert(1)</script>'];
    const text = csvRecord(values.map((v) => csvCell(v))) + csvRecord(['x', 'y'].map((v) => csvCell(v)));
    assert.deepEqual(parseCsv(text), [values, ['x', 'y']]);
    assert.ok(text.endsWith('\r\n'));
  });
});
