/** What went wrong, in the terms the UI needs to pick a message and an action. */
export type ProviderErrorKind =
  | 'auth' // 401, 403: offer to update the token
  | 'notFound' // 404
  | 'invalid' // 400, 422: the server's message
  | 'rateLimited' // 429
  | 'server' // 5xx
  | 'network' // refused, reset, DNS, timeout
  | 'badResponse' // not JSON, or the schema failed
  | 'cancelled'; // the user cancelled: never shown as a failure
