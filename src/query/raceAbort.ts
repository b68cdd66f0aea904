import { ProviderError } from '../http/providerError';

/**
 * Settles with `promise`, or rejects with a `cancelled` ProviderError as soon as `signal` aborts, whichever comes
 * first. A cancel must reach the UI at once even when the fetch behind it (a slow server, a retry back-off) takes
 * a while to notice its own abort signal.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(cancelledError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(cancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function cancelledError(): ProviderError {
  return new ProviderError('cancelled', 'The request was cancelled.');
}
