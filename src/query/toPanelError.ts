import type { PanelError } from '../protocol/logTable';
import { isProviderError } from '../http/providerError';

/** True for a user cancel, which is never shown as a failure. */
export function isCancellation(error: unknown, signal?: AbortSignal): boolean {
  return (isProviderError(error) && error.kind === 'cancelled') || signal?.aborted === true;
}

/** The banner for a failed fetch: the provider error's own sentence, or a generic one for anything unexpected. */
export function toPanelError(error: unknown): PanelError {
  if (isProviderError(error) && error.details.code === 'feature_unavailable') {
    return { kind: error.kind, message: error.message, canUpdateToken: false, canRetry: false };
  }
  if (isProviderError(error)) {
    return { kind: error.kind, message: error.message, canUpdateToken: error.kind === 'auth' };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: 'badResponse', message: `Unexpected error while loading logs: ${detail}`, canUpdateToken: false };
}
