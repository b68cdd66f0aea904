import { ProviderError } from './providerError';

/** A counting semaphore: at most `limit` tasks of one connection run at once; the rest queue in order. */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: Array<{ start: () => void; signal?: AbortSignal; onAbort: () => void }> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) {
      return Promise.reject(cancelledError());
    }
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const entry = {
        signal,
        start: () => {
          signal?.removeEventListener('abort', entry.onAbort);
          this.active++;
          resolve();
        },
        onAbort: () => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(cancelledError());
        },
      };
      signal?.addEventListener('abort', entry.onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  private release(): void {
    this.active--;
    this.waiting.shift()?.start();
  }
}

export function cancelledError(): ProviderError {
  return new ProviderError('cancelled', 'The request was cancelled.');
}
