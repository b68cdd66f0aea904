import { strict as assert } from 'node:assert';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { HttpClient } from '../../../src/http/httpClient';
import { MemoryLogger, providerErrorOf } from '../providers/clientTestSupport';

/** A server that answers every GET with `body` compressed as `encoding` says, and records the request headers. */
function compressingServer(): { start(): Promise<string>; close(): Promise<void>; answer(encoding: string, body: string): void; seen: IncomingHttpHeaders[] } {
  const seen: IncomingHttpHeaders[] = [];
  let reply = { encoding: 'identity', body: '[]' };
  const compress: Record<string, (text: string) => Buffer> = {
    gzip: (text) => gzipSync(text),
    deflate: (text) => deflateSync(text),
    br: (text) => brotliCompressSync(text),
    identity: (text) => Buffer.from(text),
  };
  const server: Server = createServer((request, response) => {
    seen.push(request.headers);
    const bytes = compress[reply.encoding](reply.body);
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length), 'Content-Encoding': reply.encoding });
    response.end(bytes);
  });
  return {
    seen,
    answer: (encoding, body) => (reply = { encoding, body }),
    start: () => new Promise((done) => server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    close: () => new Promise((done) => server.close(() => done())),
  };
}

describe('HttpClient with compressed bodies', () => {
  const server = compressingServer();
  let baseUrl = '';
  before(async () => (baseUrl = await server.start()));
  after(() => server.close());

  const client = (maxContentLength?: number) =>
    new HttpClient({ label: 'Lago', baseUrl, authorization: 'Bearer t0ken-value', secrets: ['t0ken-value'], timeoutMs: 5000, logger: new MemoryLogger(), maxRetries: 0, maxContentLength });

  it('asks for compressed bodies (gzip, deflate and br among them)', async () => {
    server.answer('identity', '[1]');
    await client().getJson('/logs');
    assert.deepEqual(['gzip', 'deflate', 'br'].filter((name) => server.seen.at(-1)?.['accept-encoding']?.includes(name)), ['gzip', 'deflate', 'br']);
  });

  for (const encoding of ['gzip', 'deflate', 'br']) {
    it(`decodes a ${encoding} body to the same JSON`, async () => {
      const rows = Array.from({ length: 2000 }, (_, i) => ({ id: `row-${i}`, message: 'ünïcode ✓ '.repeat(i % 7) }));
      server.answer(encoding, JSON.stringify(rows));
      assert.deepEqual(await client().getJson('/logs'), rows);
    });
  }

  it('refuses a body that decompresses past the allowed size (a small gzip of many bytes)', async () => {
    server.answer('gzip', JSON.stringify({ padding: 'x'.repeat(2_000_000) }));
    const error = await providerErrorOf(client(1_000_000).getJson('/logs'));
    assert.equal(error.kind, 'badResponse');
    assert.match(error.message, /larger than the allowed size/);
  });
});
