import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeApi, FakeResponse } from './fakeApi';
import { padRows } from './fakeApi';
import { FaultSwitch, type Fault, type FaultOptions } from './faults';
import { RateWindow, type NetworkProfile } from './networkProfile';

/** One request as the fake server saw it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path and query exactly as received, e.g. `/v1/logs/api?source=api&limit=100`. */
  readonly url: string;
  readonly pathname: string;
  /** The query string without `?` (empty when none). */
  readonly search: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Requests in flight when this one arrived, itself included. */
  readonly concurrent: number;
  readonly at: number;
  /** The status the server answered with; undefined until the response is sent, or when the connection broke. */
  status?: number;
}

const maxRecorded = 10_000;
const hugePageBytes = 10 * 1024 * 1024;

const badGatewayPage =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** A local HTTP server for one provider: records requests, checks auth, applies faults, delegates to the API. */
export class FakeHttpServer {
  readonly faults = new FaultSwitch();
  readonly requests: RecordedRequest[] = [];
  /** Every request received and those answered 429 by the rate limit (not by a fault). */
  readonly counts = { requests: 0, rateLimited: 0 };
  private inFlight = 0;
  private readonly window: RateWindow | undefined;
  private readonly server: Server;
  private readonly sockets = new Set<import('node:net').Socket>();
  origin = '';

  constructor(
    private readonly api: FakeApi,
    private readonly network: NetworkProfile = {},
  ) {
    const limit = network.rateLimit === true ? api.rateLimit : network.rateLimit;
    this.window = limit ? new RateWindow(limit) : undefined;
    this.server = createServer((request, response) => this.onRequest(request, response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onRequest(request: IncomingMessage, response: ServerResponse): void {
    this.inFlight++;
    response.on('close', () => this.inFlight--);
    const url = new URL(request.url ?? '/', this.origin);
    const recorded = this.record(request, url);
    response.once('finish', () => (recorded.status = response.statusCode));
    this.counts.requests++;
    const withinLimit = this.window?.take(Date.now()) ?? true;
    const active = this.faults.take(`${url.pathname}${url.search}`);
    const delay = (this.network.latencyMs ?? 0) + (active?.fault === 'slow' ? (active.options.delayMs ?? 2000) : 0);
    const answer = () => (withinLimit ? this.answer(request, response, url, active) : this.overLimit(response));
    if (delay > 0) {
      const timer = setTimeout(answer, delay);
      response.on('close', () => clearTimeout(timer));
    } else {
      answer();
    }
  }

  private overLimit(response: ServerResponse): void {
    if (response.destroyed) {
      return;
    }
    this.counts.rateLimited++;
    this.send(response, { status: 429, body: this.api.errorBody(429, 'rateLimited') });
  }

  private record(request: IncomingMessage, url: URL): RecordedRequest {
    if (this.requests.length >= maxRecorded) {
      this.requests.shift();
    }
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      pathname: url.pathname,
      search: url.search.replace(/^\?/, ''),
      headers: { ...request.headers },
      concurrent: this.inFlight,
      at: Date.now(),
    };
    this.requests.push(recorded);
    return recorded;
  }

  private answer(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    active: { fault: Fault; options: FaultOptions } | undefined,
  ): void {
    if (response.destroyed) {
      return;
    }
    const faulted = active ? this.faultResponse(active.fault, active.options, response) : undefined;
    if (faulted === 'handled') {
      return;
    }
    this.send(response, faulted ?? this.normalResponse(request, url, active?.fault));
  }

  private normalResponse(request: IncomingMessage, url: URL, fault: Fault | undefined): FakeResponse {
    if (request.method !== 'GET') {
      return { status: 405, body: this.api.errorBody(405, 'notFound'), headers: { Allow: 'GET' } };
    }
    const denied = this.api.checkAuth(request.headers.authorization);
    if (denied) {
      return denied;
    }
    const prefix = this.api.pathPrefix;
    if (!url.pathname.startsWith(`${prefix}/`)) {
      return { status: 404, body: this.api.errorBody(404, 'notFound') };
    }
    const result = this.api.handle({ path: url.pathname.slice(prefix.length), query: url.searchParams, origin: this.origin, fault });
    if (fault === 'hugePage' && result.status === 200) {
      padRows(result.body, hugePageBytes);
    }
    return result;
  }

  /** A response for a status-type fault, 'handled' when the fault wrote (or broke) the response itself. */
  private faultResponse(fault: Fault, options: FaultOptions, response: ServerResponse): FakeResponse | 'handled' | undefined {
    const status: Partial<Record<Fault, number>> = {
      unauthorized: 401,
      forbidden: 403,
      featureUnavailable: 403,
      notFound: 404,
      unprocessable: 422,
      serverError: 500,
    };
    if (status[fault] !== undefined) {
      return { status: status[fault], body: this.api.errorBody(status[fault], fault) };
    }
    switch (fault) {
      case 'rateLimited':
        return this.rateLimited(options);
      case 'badGatewayHtml':
        return { status: 502, rawBody: badGatewayPage, headers: { 'Content-Type': 'text/html' } };
      case 'malformedJson':
        return { status: 200, rawBody: '{"data": [{"id": "0f6a", "created', headers: { 'Content-Type': 'application/json' } };
      case 'redirect':
        return { status: 302, rawBody: '', headers: { Location: options.location ?? this.origin.replace('127.0.0.1', 'localhost') + '/elsewhere' } };
      case 'connectionReset':
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
        response.write('[{"id":"aaaa","createdAt":"2024-');
        setTimeout(() => response.socket?.destroy(), 5);
        return 'handled';
      default:
        return undefined;
    }
  }

  private rateLimited(options: FaultOptions): FakeResponse {
    const seconds = options.retryAfterSeconds === undefined ? 1 : options.retryAfterSeconds;
    const headers: Record<string, string> = { ...this.api.rateLimitHeaders?.(options) };
    if (seconds !== null) {
      headers['Retry-After'] = String(seconds);
    }
    return { status: 429, body: this.api.errorBody(429, 'rateLimited'), headers };
  }

  private send(response: ServerResponse, result: FakeResponse): void {
    const text = result.rawBody ?? JSON.stringify(result.body ?? null);
    const window = this.window && this.api.rateWindowHeaders?.(this.window.state(Date.now()));
    response.writeHead(result.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(text)),
      ...window,
      ...result.headers,
    });
    response.end(text);
  }
}
