/** Time values in queries: ISO dates at any precision, epoch ms, `now` and relative `-1h`. */

export type TimeZoneName = 'local' | 'utc';

/** `[from, to)` in epoch ms: a written time covers its precision (`2026-11-23` is the whole day). */
export interface Interval {
  readonly from: number;
  readonly to: number;
}

const unitMs: Readonly<Record<string, number>> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const isoPattern = /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** The interval a query value names, or `undefined` when it is not a time. */
export function parseTime(text: string, now: number, zone: TimeZoneName): Interval | undefined {
  const relative = /^-(\d+)([smhdw])$/i.exec(text);
  if (relative) return instant(now - Number(relative[1]) * unitMs[relative[2].toLowerCase()]);
  if (text.toLowerCase() === 'now') return instant(now);
  if (/^\d{10,13}$/.test(text)) return instant(Number(text));
  const iso = isoPattern.exec(text);
  return iso ? isoInterval(iso, zone) : undefined;
}

function instant(at: number): Interval {
  return { from: at, to: at + 1 };
}

type DateParts = [number, number, number, number, number, number, number];

function isoInterval(parts: RegExpExecArray, zone: TimeZoneName): Interval | undefined {
  const written = parts.slice(1, 8).map((part, index) => (part === undefined ? undefined : Number(index === 6 ? part.padEnd(3, '0') : part)));
  const [year, month = 1, day = 1, hour = 0, minute = 0, second = 0, ms = 0] = written;
  if (month > 12 || month < 1 || day > 31 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const fields: DateParts = [year ?? 0, month - 1, day, hour, minute, second, ms];
  const next: DateParts = [...fields];
  next[written.filter((n) => n !== undefined).length - 1] += 1;
  const from = epochOf(fields, zone, parts[8]);
  const to = epochOf(next, zone, parts[8]);
  return Number.isFinite(from) && Number.isFinite(to) ? { from, to } : undefined;
}

function epochOf(fields: DateParts, zone: TimeZoneName, offset: string | undefined): number {
  if (offset) return Date.UTC(...fields) - offsetMs(offset);
  return zone === 'utc' ? Date.UTC(...fields) : new Date(...fields).getTime();
}

function offsetMs(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const digits = offset.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return (digits[0] === '-' ? -1 : 1) * minutes * 60_000;
}

/** A field value as epoch ms: numbers as they are, ISO strings parsed; NaN otherwise. */
export function timeOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value !== '') {
    const number = Number(value);
    return Number.isFinite(number) ? number : Date.parse(value);
  }
  return Number.NaN;
}
