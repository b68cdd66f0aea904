import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small log server written for the live-tail tests, independent of the sample fakes: each stream is a list that
 * grows while the tests run (`add`), paged the way the provider's spec in ../shared/specs documents it — Daily API
 * logs by `starting_after`, Daily meeting logs by `offset` in either `order`, Lago by page number with `meta`,
 * SignalWire by a `links.next` URL. Every record carries its sequence number `n` (1 = oldest), so a test can compare
 * what a panel holds with `all()`.
 */
export type GrowingStream = 'daily.api' | 'daily.meeting' | 'lago.api' | 'signalwire.voice';

const start = Date.parse('2026-11-20T10:00:00Z');
const timeOf = (n: number): string => new Date(start + n * 1000).toISOString();

export class GrowingLogServer {
  /** Requests answered, by path. */
  readonly requests: string[] = [];
  private count = 0;
  private readonly server: Server = createServer((request, response) => this.answer(request, response));

  constructor(readonly stream: GrowingStream) {}

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.stream.startsWith('daily') ? `${origin}/v1` : this.stream === 'lago.api' ? `${origin}/api/v1` : origin;
  }

  /** `rows` new records, newer than every one before. */
  add(rows: number): void {
    this.count += rows;
  }

  /** Every sequence number, newest first. */
  all(): number[] {
    return Array.from({ length: this.count }, (_, index) => this.count - index);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    this.requests.push(`${url.pathname}${url.search}`);
    const body = this.page(url, `http://${request.headers.host ?? ''}`);
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body ?? { error: 'not-found' }));
  }

  private page(url: URL, origin: string): unknown {
    const query = url.searchParams;
    const newest = this.all();
    switch (`${this.stream} ${url.pathname}`) {
      case 'daily.api /v1/logs/api':
        return after(newest, query.get('starting_after'), Number(query.get('limit') ?? 20)).map(dailyApiLog);
      case 'daily.meeting /v1/logs': {
        const ordered = query.get('order')?.toUpperCase() === 'ASC' ? newest.slice().reverse() : newest;
        const offset = Number(query.get('offset') ?? 0);
        return { logs: ordered.slice(offset, offset + Number(query.get('limit') ?? 20)).map(meetingLog) };
      }
      case 'lago.api /api/v1/api_logs':
        return lagoPage(newest, Number(query.get('page') ?? 1), Number(query.get('per_page') ?? 20));
      case 'signalwire.voice /api/voice/logs':
        return voicePage(newest, query, origin);
      default:
        return undefined;
    }
  }
}

function after(newest: number[], cursor: string | null, limit: number): number[] {
  const from = cursor === null ? 0 : newest.indexOf(Number(cursor.replace(/^\D+/, ''))) + 1;
  return newest.slice(from, from + limit);
}

function dailyApiLog(n: number): object {
  return { id: `d-${n}`, source: 'api', method: 'GET', url: `/v1/rows/${n}`, status: 200, createdAt: timeOf(n), request: null, response: '{}' };
}

function meetingLog(n: number): object {
  return { time: timeOf(n), clientTime: timeOf(n), message: `log ${n}`, mtgSessionId: 'session-1', userSessionId: 'user-1', peerId: null, level: 1, code: 8000 };
}

function lagoPage(newest: number[], page: number, perPage: number): object {
  const totalPages = Math.max(1, Math.ceil(newest.length / perPage));
  const rows = newest.slice((page - 1) * perPage, page * perPage).map((n) => ({
    request_id: `l-${n}`, logged_at: timeOf(n), http_method: 'post', http_status: 200, request_path: `/rows/${n}`,
  }));
  const meta = { current_page: page, next_page: page < totalPages ? page + 1 : null, prev_page: page > 1 ? page - 1 : null, total_pages: totalPages, total_count: newest.length };
  return { api_logs: rows, meta };
}

function voicePage(newest: number[], query: URLSearchParams, origin: string): object {
  const size = Number(query.get('page_size') ?? 50);
  const rows = after(newest, query.get('page_token'), size);
  const last = rows.at(-1);
  const more = last !== undefined && newest.indexOf(last) < newest.length - 1;
  const next = more ? `${origin}/api/voice/logs?page_size=${size}&page_token=PA${last}` : null;
  const data = rows.map((n) => ({ id: `v-${n}`, created_at: timeOf(n), type: 'relay_pstn_call', status: 'completed', direction: 'inbound', from: '+15550000000', to: '+15550000001' }));
  return { data, links: { self: `${origin}/api/voice/logs`, first: `${origin}/api/voice/logs`, next } };
}
