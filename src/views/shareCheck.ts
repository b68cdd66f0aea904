import type { ViewSpec } from '../protocol/savedView';
import { redact } from '../util/redact';

/** `scheme://user:password@host`: a URL carrying credentials. */
const urlWithCredentials = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;

/**
 * Why a view must not go into a shared file as it is, or undefined: one of its values (the query, a server filter)
 * holds a URL with credentials, an Authorization header, or the token of one of the user's connections. The file's
 * schema already keeps account ids and base URLs out; this is about what the user typed.
 */
export function unshareableReason(spec: ViewSpec, tokens: readonly string[]): string | undefined {
  const values: [where: string, text: string][] = [['its query', spec.query]];
  for (const [key, value] of Object.entries(spec.filters)) {
    for (const text of Array.isArray(value) ? value : [value]) if (typeof text === 'string') values.push([`its filter "${key}"`, text]);
  }
  for (const [where, text] of values) {
    if (urlWithCredentials.test(text)) return `${where} holds a URL with a user name and password`;
    if (redact(text, tokens) !== text) return `${where} holds a token or an Authorization header`;
  }
  return undefined;
}
