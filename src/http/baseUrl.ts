const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks a provider base URL (also used by the account UI). Returns a sentence saying what is wrong, or undefined
 * when it is acceptable: `https://` anywhere, `http://` only on loopback hosts (local test and sample servers).
 */
export function validateBaseUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return 'Enter a full URL such as https://api.example.com/v1.';
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return 'The base URL must not contain a user name or password.';
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    return 'The base URL must not contain a query string or fragment.';
  }
  if (parsed.protocol === 'https:') {
    return undefined;
  }
  if (parsed.protocol === 'http:') {
    return loopbackHosts.has(parsed.hostname)
      ? undefined
      : 'Use https:// (plain http:// is only allowed for 127.0.0.1, localhost and [::1]).';
  }
  return 'The base URL must start with https://.';
}

/** The base URL without trailing slashes, so paths can be appended with a single `/`. */
export function normalizeBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}
