/**
 * Turns a logged request path into a pattern that finds the code that sends it, in the forms code builds paths:
 * literals, full URLs, `'/rooms/' + name + '/presence'`, `` `/rooms/${room}/presence` ``, `"rooms/%s/presence"`,
 * `f"/rooms/{room}/presence"`, `/rooms/:name/presence`. Segments that look like ids or names become wildcards.
 * Pure: no `vscode`, so the unit tests and the bench run it directly.
 */
import type { ProviderKind } from '../protocol/streamDefinition';

export interface PathSegment {
  readonly text: string;
  /** An id or a name the code fills in: matched by any value or any interpolation. */
  readonly variable: boolean;
}

export interface CallSitePattern {
  /** The path as searched: no host, no version prefix (`/v1`, `/api/v1`), no query string. */
  readonly path: string;
  readonly segments: readonly PathSegment[];
  /** Matches one line that builds this path in any supported form. */
  readonly lineRegex: RegExp;
  /** A fixed segment every match contains: files without it are skipped unread by the regex. */
  readonly anchor: string;
  /** The same search for VS Code's search view (ripgrep's regex dialect, no look-arounds). */
  readonly searchViewRegex: string;
}

/** Version prefixes the providers' logged paths or base URLs carry; code may or may not spell them. */
const versionPrefixes: readonly (readonly string[])[] = [['api', 'v1'], ['v1']];

/** Sub-resource words that stay literal even after a collection segment (`/events/batch`, `/rooms/x/presence`). */
const fixedWords = new Set([
  'batch', 'presence', 'refresh', 'retry', 'download', 'finalize', 'void', 'estimate', 'current_usage',
  'lifetime_usage', 'past_usage', 'portal_url', 'recordings', 'transcript', 'access-link', 'eject', 'send-app-message',
  'logs', 'api', 'events', 'participants', 'metrics', 'checkout_url', 'terminate', 'lose_dispute', 'retry_payment',
]);

/** What an id looks like: digits anywhere, a UUID, long hex, or an email/key-like token. */
const idLike = /\d|^[0-9a-f]{8,}$|@|^[A-Za-z0-9_-]{20,}$/i;

/** Any interpolation a language uses where a wildcard segment goes. */
const interpolation = [
  String.raw`\$\{[^}]*\}`, // JS template literal, shell
  String.raw`#\{[^}]*\}`, // Ruby
  String.raw`\{[^}]*\}`, // Python f-string / str.format, C#
  String.raw`%[sdvi]`, // printf, Python %
  String.raw`:[A-Za-z_]\w*`, // Express / OpenAPI-ish route params
  String.raw`<[^<>/]*>`, // Flask, docs
  String.raw`['"\x60]\s*\+\s*[^'"\x60+]+?\s*\+\s*['"\x60]`, // 'a/' + name + '/b'
  String.raw`['"\x60]\s*\+\s*[^'"\x60+]+?(?=\s*[),;\]}]|\s*$)`, // 'a/' + name  (the last segment)
  String.raw`['"\x60]\s*(?:\.|\.\.|<>)\s*\$?\w+`, // PHP, Lua, Elixir concatenation of the last segment
  String.raw`[A-Za-z0-9_.~%@-]+`, // a literal value (the logged one, or another)
].join('|');

/**
 * The search pattern for a logged path or URL. Throws a readable Error when nothing fixed is left to search for
 * (every segment looks like an id).
 */
export function callSitePattern(logged: string): CallSitePattern {
  const segments = classifySegments(splitPath(logged));
  const fixed = segments.filter((segment) => !segment.variable);
  if (fixed.length === 0) {
    throw new Error(`"${logged}" has no fixed path segment to search for; every segment looks like an id.`);
  }
  const anchor = fixed.reduce((longest, segment) => (segment.text.length > longest.length ? segment.text : longest), '');
  const body = segments.map((segment) => (segment.variable ? `(?:${interpolation})` : escapeRegex(segment.text))).join('/');
  return {
    path: `/${segments.map((segment) => segment.text).join('/')}`,
    segments,
    lineRegex: new RegExp(`(?<![\\w-])${body}(?![\\w-])`),
    anchor,
    searchViewRegex: searchViewRegex(segments),
  };
}

/** The path's segments without host, query, fragment or version prefix. */
export function splitPath(logged: string): string[] {
  let path = logged.trim().replace(/[?#].*$/, '');
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  if (scheme) path = path.slice(scheme[0].length);
  const segments = path.split('/').filter((segment) => segment !== '');
  for (const prefix of versionPrefixes) {
    if (prefix.every((part, i) => segments[i] === part) && segments.length > prefix.length) {
      return segments.slice(prefix.length);
    }
  }
  return segments;
}

/** Ids anywhere, and a name right after a plural collection segment (`/rooms/standup`), become wildcards. */
export function classifySegments(segments: readonly string[]): PathSegment[] {
  return segments.map((text, i) => {
    const previous = segments[i - 1];
    const afterCollection = previous !== undefined && /[a-z]s$/i.test(previous) && !fixedWords.has(text);
    const variable = !fixedWords.has(text) && (idLike.test(text) || afterCollection || /^[:{<$%]/.test(text));
    return { text, variable };
  });
}

/**
 * The version prefix a provider's own logs carry before the path the code spells: Daily logs `/v1/rooms`, Lago
 * logs `/billable_metrics` although the code calls `/api/v1/billable_metrics`.
 */
export function loggedPathPrefix(provider: ProviderKind): string {
  return provider === 'daily' ? '/v1' : '';
}

function searchViewRegex(segments: readonly PathSegment[]): string {
  const variable = String.raw`(?:\$\{[^}]*\}|\{[^}]*\}|%[sdvi]|:\w+|<[^<>/]*>|['"\x60]\s*\+[^+]+\+\s*['"\x60]|['"\x60]\s*\+\s*\w+|[\w.~%@-]+)`;
  return segments.map((segment) => (segment.variable ? variable : escapeRegex(segment.text))).join('/');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
