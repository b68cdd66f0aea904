import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it went through the proxy, with Prism's verdict. */
export interface Exchange {
  /** What the client sent (path and query). */
  readonly url: string;
  /** What Prism received (differs only by renamed query keys). */
  readonly forwarded: string;
  readonly status: number;
  /** Prism's `sl-violations` header, when present. */
  readonly violations?: string;
}

export interface ViolationProxy {
  readonly origin: string;
  readonly exchanges: Exchange[];
  close(): Promise<void>;
}

/** The query with keys renamed per `renames` (exact decoded names), order and values kept. */
function renameKeys(url: string, renames: Readonly<Record<string, string>>): string {
  const parsed = new URL(url, 'http://proxy');
  if (parsed.search === '') {
    return url;
  }
  const params = new URLSearchParams();
  for (const [key, value] of parsed.searchParams) {
    params.append(renames[key] ?? key, value);
  }
  return `${parsed.pathname}?${params.toString()}`;
}

/**
 * A pass-through between a client and Prism that records each exchange, so tests can assert on Prism's
 * `sl-violations` header and status without the client exposing headers. `renames` maps wire names that Prism
 * cannot match (Lago's `http_methods[]`) to the names of the spec copy.
 */
export async function startViolationProxy(target: string, renames: Readonly<Record<string, string>> = {}): Promise<ViolationProxy> {
  const exchanges: Exchange[] = [];
  const server: Server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const url = incoming.url ?? '/';
    const forwarded = renameKeys(url, renames);
    const upstream = request(`${target}${forwarded}`, { method: incoming.method, headers: { ...incoming.headers, host: new URL(target).host } }, (response) => {
      const violations = response.headers['sl-violations'];
      exchanges.push({ url, forwarded, status: response.statusCode ?? 0, violations: Array.isArray(violations) ? violations.join() : violations });
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
    });
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
