import type { ProviderErrorKind } from '../protocol/providerErrorKind';

/** The one error type the provider layer throws. `message` is a readable sentence, safe to show the user. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';

  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly details: {
      readonly status?: number;
      /** From Retry-After / X-RateLimit-Reset. */
      readonly retryAfterMs?: number;
      /** For `badResponse` from a schema: the failing field path, e.g. `data[3].status`. */
      readonly fieldPath?: string;
      /** A provider-specific code such as Lago's `feature_unavailable`. */
      readonly code?: string;
      readonly cause?: unknown;
    } = {},
  ) {
    super(message);
  }
}

export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError;
}
