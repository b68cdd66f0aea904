const secretParam = /token|key|secret|password|signature|auth/i;
/** A cheap pre-check: credentials in the authority, or a query name that looks secret. */
const mayHoldSecret = /^[a-z]+:\/\/[^/?#]*@|[?&][^=&]*(token|key|secret|password|signature|auth)/i;

/**
 * A URL safe for the log: credentials in the authority and query values whose names suggest a secret are replaced
 * (SignalWire's `page_token` is a cursor, but a URL pasted from a log must never carry anything token-like).
 */
export function redactUrl(url: string): string {
  if (!mayHoldSecret.test(url)) {
    return url;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '<invalid URL>';
  }
  if (parsed.username !== '' || parsed.password !== '') {
    parsed.username = 'redacted';
    parsed.password = '';
  }
  for (const name of new Set(parsed.searchParams.keys())) {
    if (secretParam.test(name)) {
      parsed.searchParams.set(name, 'redacted');
    }
  }
  return parsed.toString();
}
