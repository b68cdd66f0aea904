/**
 * A self-hosted Lago server's API base URL: the server URL + `/api/v1`. Users often paste the API URL itself
 * (`…/api/v1` or `…/api/v1/`), so an `/api/v1` already there is kept once instead of doubled.
 */
export function lagoSelfHostedBaseUrl(serverUrl: string): string {
  const root = serverUrl.trim().replace(/\/+$/, '').replace(/\/api\/v1$/i, '');
  return `${root}/api/v1`;
}
