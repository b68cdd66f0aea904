import type { RetryProgress } from '../protocol/logTable';
import type { Page, PageRequest } from '../providers/connection';
import { ProviderError } from '../http/providerError';
import { raceAbort } from './raceAbort';
import type { FetchPage, FetchPages } from './sessionOptions';

/** A page request without what the fetcher adds (the signal and the retry reporting). */
export type PageQuery = Omit<PageRequest, 'signal' | 'onRetry'>;

/** Pages of a *Load all*, each awaited under its signal; `close` stops the client's iterator. */
export interface RemainingPages {
  next(): Promise<IteratorResult<Page>>;
  close(): void;
}

/**
 * A session's requests: each ends within a tick of its signal's abort, whatever the server does, and reports its
 * retries (undefined when none is in progress) to `onRetry`.
 */
export class SessionFetcher {
  constructor(
    private readonly fetchPage: FetchPage,
    private readonly fetchPages: FetchPages | undefined,
    private readonly onRetry: (progress: RetryProgress | undefined) => void,
  ) {}

  /** Whether *Load all* can use the client's own paging (pipelined or parallel). */
  get pipelined(): boolean {
    return this.fetchPages !== undefined;
  }

  async page(query: PageQuery, signal: AbortSignal): Promise<Page> {
    try {
      const page = await raceAbort(this.fetchPage({ ...query, signal, onRetry: this.onRetry }), signal);
      if (signal.aborted) throw cancelled();
      return page;
    } finally {
      this.onRetry(undefined);
    }
  }

  /** The pages from `query.cursor` on, from the client's `pages` (only when `pipelined`). */
  remaining(query: PageQuery, signal: AbortSignal): RemainingPages {
    if (!this.fetchPages) throw new Error('This stream pages one request at a time.');
    const pages = this.fetchPages({ ...query, signal, onRetry: this.onRetry })[Symbol.asyncIterator]();
    return {
      next: async () => {
        const result = await raceAbort(pages.next(), signal);
        if (signal.aborted) throw cancelled();
        return result;
      },
      close: () => {
        void pages.return?.();
        this.onRetry(undefined);
      },
    };
  }
}

function cancelled(): ProviderError {
  return new ProviderError('cancelled', 'The request was cancelled.');
}
