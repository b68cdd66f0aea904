/**
 * Finds the lines of a source file that name an endpoint of a connected provider: a URL with the provider's host,
 * or a string path starting with a known resource of its API (`/rooms/${name}/presence`). Pure and linear in the
 * text, because it runs on every CodeLens request while the user types.
 */
import type { ProviderKind } from '../protocol/streamDefinition';
import { classifySegments } from './callSitePatterns';

export interface ProviderHints {
  readonly provider: ProviderKind;
  /** Hosts its connections use (`api.daily.co`, `127.0.0.1:4010`). */
  readonly hosts: readonly string[];
  /** First path segments of its API (`rooms`, `meeting-tokens`); a file must also name the provider to use them. */
  readonly resources: readonly string[];
  /** A word that names the provider in code (`daily`, `lago`), case-insensitive. */
  readonly keyword: string;
}

export interface EndpointMention {
  readonly provider: ProviderKind;
  /** 0-based. */
  readonly line: number;
  readonly column: number;
  /** Path segments without version prefix; `*` where the code fills a value in. */
  readonly template: readonly string[];
}

/** First segments of the providers' HTTP APIs whose requests the logs record. */
export const knownResources: Readonly<Partial<Record<ProviderKind, readonly string[]>>> = {
  daily: ['rooms', 'meeting-tokens', 'recordings', 'meetings', 'presence', 'logs', 'batch', 'transcript', 'webhooks', 'dialin', 'dialout'],
  lago: [
    'events', 'customers', 'subscriptions', 'invoices', 'plans', 'billable_metrics', 'wallets', 'wallet_transactions',
    'coupons', 'applied_coupons', 'add_ons', 'applied_add_ons', 'credit_notes', 'fees', 'taxes', 'webhook_endpoints',
  ],
};

/** `${x}`, `#{x}`, `{x}`, `%s`, `:name`, `<name>`, and `' + name + '` all stand for one path segment. */
const placeholders = /\$\{[^}]*\}|#\{[^}]*\}|\{[^}]*\}|%[sdvi]|(?<=\/):[A-Za-z_]\w*|<[^<>/]*>|['"`]\s*\+\s*[^'"`+]+?\s*\+\s*['"`]|['"`]\s*\+\s*[\w.$]+(?:\([^)]*\))?/g;

/** Providers the text names at all; nothing else is looked at (or fetched) for a file that names none. */
export function providersNamed(text: string, hints: readonly ProviderHints[]): ProviderHints[] {
  return hints.filter((hint) => compiled(hint).keyword.test(text) || hint.hosts.some((host) => host !== '' && text.includes(host)));
}

export function findEndpointMentions(text: string, hints: readonly ProviderHints[]): EndpointMention[] {
  const named = providersNamed(text, hints);
  if (named.length === 0) return [];
  // Placeholders become `*`, never letters, so a line that can match names a host or a resource literally: only
  // those lines are normalised and matched, found by one search of the whole text per provider.
  const mentions: EndpointMention[] = [];
  for (const { line, start, end } of linesNaming(text, named.map((hint) => compiled(hint).words))) {
    const source = text.slice(start, end);
    if (source.length > 2_000 || !source.includes('/')) continue;
    const normalized = source.replace(placeholders, '*');
    for (const hint of named) {
      const found = compiled(hint).mention.exec(normalized);
      if (!found) continue;
      const template = toTemplate(found[1] ?? found[2]);
      if (template.length > 0) mentions.push({ provider: hint.provider, line, column: Math.min(found.index, source.length), template });
      break;
    }
  }
  return mentions;
}

/** The lines a match of any of the (global) regexes falls on, in order: 0-based number and offsets (end before `\n`). */
function linesNaming(text: string, searches: readonly RegExp[]): { line: number; start: number; end: number }[] {
  const starts = new Set<number>();
  for (const search of searches) {
    search.lastIndex = 0;
    for (let found = search.exec(text); found; found = search.exec(text)) {
      starts.add(text.lastIndexOf('\n', found.index) + 1);
      const end = text.indexOf('\n', found.index);
      if (end < 0) break;
      search.lastIndex = end;
    }
  }
  const lines: { line: number; start: number; end: number }[] = [];
  let line = 0;
  let counted = 0;
  for (const start of [...starts].sort((a, b) => a - b)) {
    for (let newline = text.indexOf('\n', counted); newline >= 0 && newline < start; newline = text.indexOf('\n', newline + 1)) {
      line++;
      counted = newline + 1;
    }
    const end = text.indexOf('\n', start);
    lines.push({ line, start, end: end < 0 ? text.length : end });
  }
  return lines;
}

interface HintRegexes {
  readonly keyword: RegExp;
  /** Any of the provider's hosts or resources (global: scans a whole text). */
  readonly words: RegExp;
  readonly mention: RegExp;
}

/** A hint's regexes, built once per hint object (hints live until the accounts change). */
const regexes = new WeakMap<ProviderHints, HintRegexes>();

function compiled(hint: ProviderHints): HintRegexes {
  let built = regexes.get(hint);
  if (!built) {
    const words = [...hint.hosts, ...hint.resources].filter((word) => word !== '').map(escape);
    built = { keyword: new RegExp(escape(hint.keyword), 'i'), words: new RegExp(words.length > 0 ? words.join('|') : '(?!)', 'g'), mention: mentionRegex(hint) };
    regexes.set(hint, built);
  }
  return built;
}

/** The host form takes any path after the host; the bare form only a known first resource. */
function mentionRegex(hint: ProviderHints): RegExp {
  const hosts = hint.hosts.filter((host) => host !== '').map(escape);
  const resources = hint.resources.map(escape);
  const rest = String.raw`(?:/[\w.~%@*-]+)*`;
  const afterHost = hosts.length ? String.raw`(?:${hosts.join('|')})(?:/api)?(?:/v1)?((?:/[\w.~%@*-]+)+)` : '';
  // A path after a base URL (`${base}/rooms`) or opening a string (`"rooms/%s/presence"`), never one in mid-path.
  const bare = resources.length ? String.raw`(?:(?<![\w.-])(?:/api)?(?:/v1)?/|(?<=['"\x60]))((?:${resources.join('|')})(?![\w-])${rest})` : '';
  return new RegExp([afterHost, bare].filter(Boolean).map((part) => `(?:${part})`).join('|'));
}

function toTemplate(path: string | undefined): string[] {
  const segments = (path ?? '').split('/').filter((segment) => segment !== '');
  if (segments.every((segment) => segment === 'api' || segment === 'v1')) return [];
  while (segments[0] === 'api' || segments[0] === 'v1') segments.shift();
  return classifySegments(segments).map((segment) => (segment.variable || segment.text.includes('*') ? '*' : segment.text));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
