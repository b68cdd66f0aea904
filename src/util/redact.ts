/** Scrubs credentials from text before it reaches a log: known secrets and anything shaped like an auth header. */

const redacted = '[REDACTED]';

const authorizationPatterns: readonly RegExp[] = [
  // Authorization: Bearer abc / Basic abc, in headers or prose
  /(authorization["']?\s*[:=]\s*["']?)(?:bearer|basic|token)?\s*[^\s"',}]+/gi,
  /\b(bearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  /\b(basic\s+)[A-Za-z0-9+/=]{8,}/gi,
];

/** Secrets shorter than this are not scrubbed by value (they would mangle ordinary words). */
const minimumSecretLength = 6;

export function redact(text: string, secrets: Iterable<string> = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= minimumSecretLength) result = result.split(secret).join(redacted);
  }
  for (const pattern of authorizationPatterns) {
    result = result.replace(pattern, (_match, prefix: string) => `${prefix}${redacted}`);
  }
  return result;
}
