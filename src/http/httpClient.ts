import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { AxiosInstance, AxiosResponse, CreateAxiosDefaults } from 'axios';
import type { Logger } from '../util/logging';
import { ConcurrencyLimiter, cancelledError } from './concurrencyLimiter';
import { linkedAbort } from './linkedAbort';
import { loadAxiosTransport } from './loadAxiosTransport';
import { classifyStatus, classifyTransportError } from './errorClassifier';
import { ProviderError } from './providerError';
import { RateLimitGate } from './rateLimitGate';
import { rateLimitSummary, type ResponseHeaders } from './retryAfter';
import { redact } from '../util/redact';
import { redactUrl } from './redaction';
import { attemptTimeoutMs, retryDelayMs, retryReason, sleep, type RetryPolicy } from './retryPolicy';
import type { RetryProgress } from '../protocol/logTable';

/** Query parameters in the exact order and spelling to send (repeat a name for array parameters). */
export type QueryParams = ReadonlyArray<readonly [string, string]>;

/** A request's cancel signal and who to tell when it is being retried. */
export interface RequestOptions {
  readonly signal?: AbortSignal;
  readonly onRetry?: (progress: RetryProgress) => void;
}

export interface HttpClientOptions {
  /** Provider name for messages and log lines, e.g. "Daily". */
  readonly label: string;
  /** Already validated and without a trailing slash. */
  readonly baseUrl: string;
  /** The full `Authorization` header value; only ever sent to the base URL's origin. */
  readonly authorization: string;
  /** Secrets to scrub from any text that reaches the log. */
  readonly secrets: readonly string[];
  /** All attempts of one request together. */
  readonly timeoutMs: number;
  readonly logger: Logger;
  readonly maxConcurrent?: number;
  readonly maxRetries?: number;
  readonly retryBaseDelayMs?: number;
  readonly maxRetryAfterMs?: number;
  readonly userAgent?: string;
  readonly maxContentLength?: number;
  readonly random?: () => number;
}

export const defaultUserAgent = 'api-logs-explorer/0.1.0';

/**
 * One connection's HTTP core: GET JSON with auth, timeout, a concurrency limit, retries for retryable failures
 * and cancellation. Every failure leaves as a `ProviderError`. Redirects are never followed, so the
 * Authorization header cannot travel to another host.
 */
export class HttpClient {
  readonly baseUrl: string;
  private readonly axiosConfig: CreateAxiosDefaults;
  private axios: Promise<AxiosInstance> | undefined;
  private readonly limiter: ConcurrencyLimiter;
  private readonly policy: RetryPolicy;
  private readonly origin: string;
  private readonly disposed = new AbortController();
  private readonly rateGate = new RateLimitGate();
  /** axios opens a new socket (and TLS session) per request unless given keep-alive agents: 2× slower paging. */
  private readonly agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

  constructor(private readonly options: HttpClientOptions) {
    this.baseUrl = options.baseUrl;
    this.origin = new URL(options.baseUrl).origin;
    this.limiter = new ConcurrencyLimiter(Math.max(1, options.maxConcurrent ?? 4));
    this.policy = {
      maxRetries: options.maxRetries ?? 3,
      baseDelayMs: options.retryBaseDelayMs ?? 500,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
      random: options.random ?? Math.random,
    };
    this.axiosConfig = {
      adapter: 'http',
      httpAgent: this.agents.http,
      httpsAgent: this.agents.https,
      timeout: options.timeoutMs,
      maxRedirects: 0,
      maxContentLength: options.maxContentLength ?? 64 * 1024 * 1024,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      headers: {
        Authorization: options.authorization,
        'User-Agent': options.userAgent ?? defaultUserAgent,
        Accept: 'application/json',
      },
    };
  }

  /** The absolute URL for a path under the base URL plus the query. */
  url(path: string, params: QueryParams = []): string {
    const query = new URLSearchParams(params.map(([name, value]): [string, string] => [name, value])).toString();
    return `${this.baseUrl}${path}${query === '' ? '' : `?${query}`}`;
  }

  /**
   * GETs a path under the base URL (starting with `/`) or an absolute URL on the base URL's origin (a paging link,
   * sent verbatim) and returns the parsed JSON body. All attempts together take at most `timeoutMs`: the first
   * gets half of it, each retry half of what is left (the last one all of it).
   */
  async getJson(pathOrUrl: string, params?: QueryParams, options?: RequestOptions | AbortSignal): Promise<unknown> {
    const { signal, onRetry }: RequestOptions = options instanceof AbortSignal ? { signal: options } : (options ?? {});
    const url = pathOrUrl.startsWith('/') ? this.url(pathOrUrl, params) : this.checkSameOrigin(pathOrUrl);
    const link = linkedAbort(signal, this.disposed.signal);
    try {
      return await this.attempts(url, link.signal, onRetry);
    } finally {
      link.unlink();
    }
  }

  private async attempts(url: string, signal: AbortSignal, onRetry: RequestOptions['onRetry']): Promise<unknown> {
    const deadline = Date.now() + this.options.timeoutMs;
    for (let attempt = 0; ; attempt++) {
      const timeout = attemptTimeoutMs(deadline - Date.now(), attempt, this.policy.maxRetries);
      try {
        return await this.limiter.run(() => this.send(url, signal, timeout), signal);
      } catch (error) {
        const failure = classifyTransportError(this.options.label, error, signal);
        const delay = retryDelayMs(failure, attempt, this.policy);
        if (delay === undefined || signal.aborted || Date.now() + delay >= deadline) {
          throw failure;
        }
        this.options.logger.debug(`retry ${attempt + 1}/${this.policy.maxRetries} in ${delay} ms after ${failure.kind}`);
        onRetry?.({ attempt: attempt + 1, of: this.policy.maxRetries, reason: retryReason(failure) });
        await sleep(delay, signal);
      }
    }
  }

  /** Cancels everything in flight; later calls fail as cancelled. */
  dispose(): void {
    this.disposed.abort();
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private checkSameOrigin(url: string): string {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      throw new ProviderError('badResponse', `${this.options.label} sent a paging link that is not a valid URL.`);
    }
    if (origin !== this.origin) {
      throw new ProviderError(
        'badResponse',
        `${this.options.label} sent a paging link to another host (${origin}); it is not followed, so your credentials stay with ${this.origin}.`,
      );
    }
    return url;
  }

  private async send(url: string, signal: AbortSignal, timeoutMs: number): Promise<unknown> {
    if (signal.aborted) {
      throw cancelledError();
    }
    await this.rateGate.acquire(signal);
    const started = Date.now();
    const safeUrl = redactUrl(url);
    let response: AxiosResponse<string>;
    try {
      this.axios ??= loadAxiosTransport().then(({ createAxios }) => createAxios(this.axiosConfig));
      response = await (await this.axios).get<string>(url, { signal, timeout: Math.max(1, Math.round(timeoutMs)) });
    } catch (error) {
      this.rateGate.release(undefined);
      const failure = classifyTransportError(this.options.label, error, signal);
      this.log(`GET ${safeUrl} failed after ${Date.now() - started} ms: ${failure.kind}`);
      throw failure;
    }
    this.rateGate.release(response.headers as ResponseHeaders);
    const headers = response.headers as ResponseHeaders;
    const body = typeof response.data === 'string' ? response.data : '';
    const rate = rateLimitSummary(headers);
    this.log(`GET ${safeUrl} → ${response.status} in ${Date.now() - started} ms, ${body.length} chars${rate ? `, ${rate}` : ''}`);
    if (response.status < 200 || response.status >= 300) {
      throw classifyStatus(this.options.label, response.status, headers, body);
    }
    return this.parseBody(body, String(headers['content-type'] ?? ''));
  }

  private parseBody(body: string, contentType: string): unknown {
    try {
      return JSON.parse(body);
    } catch {
      const what = /html/i.test(contentType) || /^\s*</.test(body) ? 'an HTML page' : 'malformed JSON';
      throw new ProviderError('badResponse', `${this.options.label} sent ${what} instead of a JSON response.`);
    }
  }

  private log(line: string): void {
    this.options.logger.debug(redact(line, this.options.secrets));
  }
}
