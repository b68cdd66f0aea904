import type { TimelineCompleteness } from '../protocol/logTable';

/** What the completeness rule needs to know of one source. */
export interface SourceProgress {
  readonly label: string;
  /** Time of its oldest loaded row; undefined when it has none. */
  readonly oldest: number | undefined;
  /** It has older pages to load. */
  readonly more: boolean;
  /** Its last load failed (its rows stay). */
  readonly failed: boolean;
}


/**
 * The merged table is complete only down to the newest of the sources' oldest-reached times: below it, a source
 * with more pages may still hold rows. A source that loaded everything does not bound it; a failed source bounds
 * it where its rows end.
 */
export function completeness(sources: readonly SourceProgress[]): TimelineCompleteness {
  const open = sources.filter((source) => source.more || source.failed);
  if (open.length === 0) return { kind: 'all' };
  const unreached = open.filter((source) => source.oldest === undefined);
  if (unreached.length > 0) return { kind: 'none', behind: unreached.map((source) => source.label) };
  const since = Math.max(...open.map((source) => source.oldest ?? Number.NEGATIVE_INFINITY));
  return { kind: 'since', since, behind: open.filter((source) => source.oldest === since).map((source) => source.label) };
}

/**
 * The source *Load older* advances: of those with more pages and no failure, the one furthest behind (its oldest
 * loaded row is the newest); the first in the timeline on a tie. -1 when none can load.
 */
export function furthestBehind(sources: readonly SourceProgress[]): number {
  let chosen = -1;
  let chosenOldest = Number.NEGATIVE_INFINITY;
  sources.forEach((source, index) => {
    if (!source.more || source.failed) return;
    const oldest = source.oldest ?? Number.POSITIVE_INFINITY;
    if (chosen === -1 || oldest > chosenOldest) {
      chosen = index;
      chosenOldest = oldest;
    }
  });
  return chosen;
}
