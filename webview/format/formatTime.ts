import type { TimeZoneMode } from '../../src/protocol/logTable';

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;
const pad3 = (n: number): string => (n < 10 ? '00' : n < 100 ? '0' : '') + n;

/** `2026-11-23 12:03:04.123`, in local time or UTC; built from Date getters (Intl is too slow per cell). */
export function formatTime(epochMs: number, zone: TimeZoneMode): string {
  if (!Number.isFinite(epochMs)) return '';
  const d = new Date(epochMs);
  if (zone === 'utc') {
    return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(
      d.getUTCMinutes(),
    )}:${pad2(d.getUTCSeconds())}.${pad3(d.getUTCMilliseconds())}`;
  }
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(
    d.getMinutes(),
  )}:${pad2(d.getSeconds())}.${pad3(d.getMilliseconds())}`;
}

/** `12:03:04` for the status line. */
export function formatClock(epochMs: number, zone: TimeZoneMode): string {
  return formatTime(epochMs, zone).slice(11, 19);
}

const units: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400000],
  ['month', 30 * 86400000],
  ['day', 86400000],
  ['hour', 3600000],
  ['minute', 60000],
  ['second', 1000],
];
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "3 minutes ago", for the title shown on hover. */
export function formatRelative(epochMs: number, now: number): string {
  const diff = epochMs - now;
  for (const [unit, size] of units) {
    if (Math.abs(diff) >= size || unit === 'second') return relative.format(Math.round(diff / size), unit);
  }
  return '';
}

/** Parses `YYYY-MM-DDTHH:MM` from a datetime-local input in the display zone; NaN when incomplete. */
export function parseLocalDateTime(value: string, zone: TimeZoneMode): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return Number.NaN;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0));
  return zone === 'utc' ? Date.UTC(y, mo - 1, d, h, mi, s) : new Date(y, mo - 1, d, h, mi, s).getTime();
}

/** The inverse of `parseLocalDateTime`, for showing a saved epoch-ms filter in the input. */
export function toLocalDateTimeInput(epochMs: number, zone: TimeZoneMode): string {
  return formatTime(epochMs, zone).slice(0, 16).replace(' ', 'T');
}
