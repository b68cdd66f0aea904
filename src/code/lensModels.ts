/**
 * The CodeLenses of one file as plain data: which line, what it says, which stream and query a click opens. Pure,
 * so the bench measures exactly what the provider runs on each keystroke.
 */
import { patternTermText } from '../protocol/query/queryText';
import type { ProviderKind, StreamId } from '../protocol/streamDefinition';
import { loggedPathPrefix } from './callSitePatterns';
import type { EndpointMention, ProviderHints } from './endpointMentions';
import { findEndpointMentions } from './endpointMentions';
import type { EndpointStats } from './endpointStats';
import { formatClock, lensText } from './endpointStats';

/** One connection's request stream that lenses report on. */
export interface LensSource {
  readonly accountId: string;
  readonly provider: ProviderKind;
  readonly streamId: StreamId;
  /** `Daily`, or `Daily (Acme)` when several accounts connect the same provider. */
  readonly label: string;
}

export interface LensTarget {
  readonly accountId: string;
  readonly provider: ProviderKind;
  readonly streamId: StreamId;
  readonly query: string;
}

export interface LensModel {
  readonly line: number;
  readonly column: number;
  readonly title: string;
  readonly tooltip: string;
  readonly target: LensTarget;
  readonly source: LensSource;
  readonly template: readonly string[];
}

/** `path:/v1/rooms/*\/presence`: the logged form of an endpoint template, as a query term. */
export function pathQuery(provider: ProviderKind, template: readonly string[]): string {
  return patternTermText('path', `${loggedPathPrefix(provider)}/${template.join('/')}`);
}

export function lensModels(
  mentions: readonly EndpointMention[],
  sources: readonly LensSource[],
  statsFor: (source: LensSource, template: readonly string[]) => EndpointStats,
  now: number,
): LensModel[] {
  const models: LensModel[] = [];
  for (const mention of mentions) {
    for (const source of sources) {
      if (source.provider !== mention.provider) continue;
      const stats = statsFor(source, mention.template);
      const path = `/${mention.template.join('/')}`;
      models.push({
        line: mention.line,
        column: mention.column,
        title: lensText(source.label, stats, (time) => formatClock(time, now)),
        tooltip: `${source.label} ${path}: open its logs filtered to this endpoint`,
        target: { accountId: source.accountId, provider: source.provider, streamId: source.streamId, query: pathQuery(source.provider, mention.template) },
        source,
        template: mention.template,
      });
    }
  }
  return models;
}

/** Mentions of a text, remembered by a key (document URI and version) so an unchanged file is not rescanned. */
export class MentionMemo {
  private readonly memo = new Map<string, { readonly version: string; readonly mentions: EndpointMention[] }>();

  get(key: string, version: string, text: () => string, hints: readonly ProviderHints[]): EndpointMention[] {
    const hit = this.memo.get(key);
    if (hit?.version === version) return hit.mentions;
    const mentions = findEndpointMentions(text(), hints);
    this.memo.set(key, { version, mentions });
    if (this.memo.size > 200) this.memo.delete(this.memo.keys().next().value as string);
    return mentions;
  }

  clear(): void {
    this.memo.clear();
  }
}
