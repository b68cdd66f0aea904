import type { TimelineStatus, TimeZoneMode } from '../../src/protocol/logTable';
import { formatClock } from '../format/formatTime';

/**
 * A timeline's part of the status line: how far back its merged rows are complete and which source stops there
 * ("complete back to 10:02 · Acme · Lago · API logs has more"), and each failing source.
 */
export function timelineText(timeline: TimelineStatus, zone: TimeZoneMode): string {
  const parts = [completenessText(timeline, zone)];
  for (const source of timeline.sources) if (source.error) parts.push(`${source.label} failed`);
  return parts.join(' · ');
}

function completenessText({ completeness }: TimelineStatus, zone: TimeZoneMode): string {
  switch (completeness.kind) {
    case 'all':
      return 'every source complete';
    case 'since':
      return `complete back to ${formatClock(completeness.since, zone)} · ${completeness.behind.join(', ')} ${completeness.behind.length === 1 ? 'has' : 'have'} more`;
    case 'none':
      return `not complete yet: ${completeness.behind.join(', ')} loaded no rows`;
  }
}
