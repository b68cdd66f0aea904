import { ProviderError, isProviderError } from '../../http/providerError';

/**
 * Daily answers a missing or malformed Authorization header with 400 `authorization-header-error`: that is a
 * credentials problem, so it becomes `auth` (the UI then offers to update the key).
 */
export function adaptDailyError(error: unknown): unknown {
  if (isProviderError(error) && error.kind === 'invalid' && error.details.code === 'authorization-header-error') {
    return new ProviderError('auth', `Daily did not accept the API key format: ${error.message}`, error.details);
  }
  return error;
}
