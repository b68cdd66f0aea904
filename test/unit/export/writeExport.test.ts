import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvFieldKeys, encodeAll } from '../../../src/export/exportEncoder';
import { writeExport } from '../../../src/export/writeExport';
import { RowStore } from '../../../src/query/rowStore';
import type { ColumnDef, LogRow } from '../../../src/protocol/streamDefinition';

const columns: ColumnDef[] = [
  { key: 'createdAt', title: 'Time', type: 'time' },
  { key: 'method', title: 'Method', type: 'method' },
  { key: 'status', title: 'Status', type: 'httpStatus' },
];

function apiRow(n: number, extra: Record<string, string> = {}): LogRow {
  return {
    id: `log-${n}`,
    time: Date.UTC(2024, 2, 1, 12, 0, n),
    severity: n % 2 ? 'error' : 'info',
    fields: { createdAt: Date.UTC(2024, 2, 1, 12, 0, n), method: 'POST', status: n % 2 ? 500 : 200, ...extra },
  };
}

describe('export', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'apilogs-export-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes CSV with fixed columns, stream columns, extra fields and ISO times', () => {
    const rows = [apiRow(1, { request: '{"name":"room,1"}' }), apiRow(2, { ip: '=1+1' })];
    assert.deepEqual(csvFieldKeys(rows, columns), ['createdAt', 'method', 'status', 'request', 'ip']);
    const lines = encodeAll(rows, 'csv', columns).split('\r\n');
    assert.equal(lines[0], 'id,time,severity,createdAt,method,status,request,ip');
    assert.equal(lines[1], 'log-1,2024-03-01T12:00:01.000Z,error,2024-03-01T12:00:01.000Z,POST,500,"{""name"":""room,1""}",');
    assert.equal(lines[2], "log-2,2024-03-01T12:00:02.000Z,info,2024-03-01T12:00:02.000Z,POST,200,,'=1+1");
    assert.equal(lines[3], '');
  });

  it('writes JSON as an array and NDJSON as one row per line, both parsing back to the rows', () => {
    const rows = [apiRow(1), apiRow(2), apiRow(3)];
    assert.deepEqual(JSON.parse(encodeAll(rows, 'json', columns)), rows);
    assert.deepEqual(JSON.parse(encodeAll([], 'json', columns)), []);
    assert.equal(encodeAll(rows, 'json', columns), `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`);
    assert.equal(encodeAll([], 'json', columns), '[]\n');
    const lines = encodeAll(rows, 'ndjson', columns).trimEnd().split('\n');
    assert.deepEqual(lines.map((line) => JSON.parse(line)), rows);
  });

  it('streams a large export to disk with progress', async () => {
    const rows = Array.from({ length: 20_000 }, (_, n) => apiRow(n, { request: 'x'.repeat(200) }));
    const file = join(dir, 'big.ndjson');
    const progress: number[] = [];
    const result = await writeExport(file, rows, { format: 'ndjson', columns, progressEvery: 5000, onProgress: (written) => progress.push(written) });
    assert.deepEqual(progress, [5000, 10000, 15000, 20000, 20000]);
    const text = await readFile(file, 'utf8');
    assert.equal(result.bytes, Buffer.byteLength(text));
    const lines = text.trimEnd().split('\n');
    assert.equal(lines.length, 20_000);
    assert.deepEqual(JSON.parse(lines[19_999]), rows[19_999]);
  });

  it('exports the rows a row store holds when it starts: rows arriving meanwhile are left out and the JSON stays whole', async () => {
    const held = Array.from({ length: 3000 }, (_, n) => apiRow(n, { request: `{"n":${n}}` }));
    for (const format of ['json', 'ndjson'] as const) {
      const store = new RowStore(10_000);
      store.append(held);
      let arrived = 0;
      const onProgress = (): void => {
        store.prepend([apiRow(100_000 + arrived)]);
        store.append([apiRow(200_000 + arrived++)]);
      };
      const file = join(dir, `held.${format}`);
      const result = await writeExport(file, store.all(), { format, columns, progressEvery: 500, onProgress });
      const text = await readFile(file, 'utf8');
      const written: unknown = format === 'json' ? JSON.parse(text) : text.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);
      assert.ok(arrived >= 6, 'rows arrived during the export');
      assert.equal(store.size, 3000 + 2 * arrived);
      assert.equal(result.rows, 3000);
      assert.deepEqual(written, held);
    }
  });

  it('removes the partial file when cancelled', async () => {
    const rows = Array.from({ length: 50_000 }, (_, n) => apiRow(n, { request: 'y'.repeat(500) }));
    const file = join(dir, 'cancelled.csv');
    const controller = new AbortController();
    const writing = writeExport(file, rows, {
      format: 'csv',
      columns,
      signal: controller.signal,
      progressEvery: 1000,
      onProgress: (written) => written >= 2000 && controller.abort(),
    });
    await assert.rejects(writing, { name: 'AbortError' });
    assert.equal(existsSync(file), false);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await assert.rejects(writeExport(join(dir, 'missing', 'x.json'), [apiRow(1)], { format: 'json', columns }), { code: 'ENOENT' });
  });
});
