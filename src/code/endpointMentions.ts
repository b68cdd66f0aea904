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
  const lower = text.toLowerCase();
  return hints.filter((hint) => lower.includes(hint.keyword) || hint.hosts.some((host) => host !== '' && text.includes(host)));
}

export function findEndpointMentions(text: string, hints: readonly ProviderHints[]): EndpointMention[] {
  const named = providersNamed(text, hints);
  if (named.length === 0) return [];
  const matchers = named.map((hint) => ({ provider: hint.provider, regex: mentionRegex(hint) }));
  // Placeholders become `*`, never letters, so a line that can match names a host or a resource literally: the
  // costly normalisation runs only on those lines.
  const words = named.flatMap((hint) => [...hint.hosts, ...hint.resources]).filter((word) => word !== '');
  if (words.length === 0) return [];
  const mayMention = new RegExp(words.map(escape).join('|'));
  const mentions: EndpointMention[] = [];
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const source = lines[line];
    if (source.length > 2_000 || !source.includes('/') || !mayMention.test(source)) continue;
    const normalized = source.replace(placeholders, '*');
    for (const { provider, regex } of matchers) {
      const found = regex.exec(normalized);
      if (!found) continue;
      const template = toTemplate(found[1] ?? found[2]);
      if (template.length > 0) mentions.push({ provider, line, column: Math.min(found.index, source.length), template });
      break;
    }
  }
  return mentions;
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
