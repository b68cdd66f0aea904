import type { JsonValue, Severity } from '../streamDefinition';
import type { TermNode, TermValue } from './ast';
import type { FieldKind } from './fields';
import { maxTestedChars } from './safeRegex';
import { parseTime, timeOf, type Interval, type TimeZoneName } from './times';

/** Tests one scalar field value (arrays are tested element by element by the caller). */
export type ScalarTest = (value: Exclude<JsonValue, JsonValue[]> | undefined) => boolean;

export interface ValueContext {
  readonly now: number;
  readonly zone: TimeZoneName;
}

const numberPattern = /^-?\d+(\.\d+)?$/;
const statusClass = /^([1-5])xx$/i;
const severityAliases: Readonly<Record<string, Severity>> = { error: 'error', err: 'error', warning: 'warning', warn: 'warning', info: 'info', debug: 'debug' };
const caseInsensitive: ReadonlySet<FieldKind> = new Set(['method', 'status', 'level']);

/** A field term's test, or an error sentence when the value does not fit the field (`time:abc`). */
export function scalarTest(term: TermNode, kind: FieldKind, context: ValueContext): ScalarTest | string {
  const value = term.value;
  if (value.kind === 'regex') return regexTest(value.source, value.flags);
  if (kind === 'time') return timeTest(term, context);
  if (value.kind === 'range') return rangeTest(value, kind, context);
  if (term.comparison !== 'eq') return comparisonTest(term.comparison, value.text, kind, context);
  if (kind === 'level' && !value.quoted) return levelTest(value.text);
  if ((kind === 'number' || kind === 'status' || kind === 'any') && !value.quoted) {
    const numeric = numericEquality(value.text);
    if (numeric) return numeric;
  }
  return textTest(value.text, value.quoted, caseInsensitive.has(kind));
}

/** The text a value is matched as: strings as they are, other JSON compactly. */
export function valueText(value: Exclude<JsonValue, JsonValue[]> | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function regexTest(source: string, flags: string): ScalarTest {
  const regex = new RegExp(source, flags.replace(/[gy]/g, ''));
  return (value) => value !== undefined && value !== null && regex.test(valueText(value).slice(0, maxTestedChars));
}

/** `*` matches any run of characters; without `*` the whole value must be equal. */
export function textTest(pattern: string, literal: boolean, ignoreCase: boolean): ScalarTest {
  const wanted = ignoreCase ? pattern.toLowerCase() : pattern;
  const matches = literal || !wanted.includes('*') ? (text: string) => text === wanted : wildcardMatcher(wanted);
  return (value) => value !== undefined && value !== null && matches(ignoreCase ? valueText(value).toLowerCase() : valueText(value));
}

/** Linear-time wildcard match: the parts between `*` in order, the first anchored at the start, the last at the end. */
export function wildcardMatcher(pattern: string): (text: string) => boolean {
  const parts = pattern.split('*');
  const first = parts[0];
  const last = parts[parts.length - 1];
  return (text) => {
    if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
    let at = first.length;
    const end = text.length - last.length;
    for (let i = 1; i < parts.length - 1; i++) {
      const found = text.indexOf(parts[i], at);
      if (found < 0 || found + parts[i].length > end) return false;
      at = found + parts[i].length;
    }
    return true;
  };
}

function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && numberPattern.test(value) ? Number(value) : Number.NaN;
}

function numericEquality(text: string): ScalarTest | undefined {
  const classMatch = statusClass.exec(text);
  if (classMatch) {
    const low = Number(classMatch[1]) * 100;
    return (value) => {
      const n = numberOf(value);
      return n >= low && n <= low + 99;
    };
  }
  if (!numberPattern.test(text)) return undefined;
  const wanted = Number(text);
  return (value) => numberOf(value) === wanted;
}

function levelTest(text: string): ScalarTest {
  const severity = severityAliases[text.toLowerCase()];
  if (severity) return (value) => value === severity;
  return textTest(text, false, true);
}

/** The times a term on a time field selects, or an error sentence naming the value that is not a time. */
export function timeBounds(term: TermNode, context: ValueContext): Interval | string {
  const value = term.value;
  const written = value.kind === 'range' ? [value.from, value.to] : value.kind === 'text' ? [value.text] : [];
  const intervals = written.map((text) => parseTime(text, context.now, context.zone));
  const bad = written.find((_, index) => intervals[index] === undefined);
  if (bad !== undefined) return `"${bad}" is not a time: write 2026-11-23T10:00, a date, an epoch in ms or -15m, -1h, -7d.`;
  const [first, second] = intervals as Interval[];
  return value.kind === 'range' ? { from: first.from, to: second.to } : boundsOf(term.comparison, first);
}

function timeTest(term: TermNode, context: ValueContext): ScalarTest | string {
  const bounds = timeBounds(term, context);
  if (typeof bounds === 'string') return bounds;
  return (field) => {
    const at = timeOf(field);
    return at >= bounds.from && at < bounds.to;
  };
}

/** The `[from, to)` a comparison with a written time covers. */
export function boundsOf(comparison: TermNode['comparison'], at: Interval): Interval {
  switch (comparison) {
    case 'eq':
      return at;
    case 'gt':
      return { from: at.to, to: Infinity };
    case 'ge':
      return { from: at.from, to: Infinity };
    case 'lt':
      return { from: -Infinity, to: at.from };
    case 'le':
      return { from: -Infinity, to: at.to };
  }
}

function comparisonTest(comparison: Exclude<TermNode['comparison'], 'eq'>, text: string, kind: FieldKind, context: ValueContext): ScalarTest | string {
  const wanted = numberOf(text);
  if ((kind === 'number' || kind === 'status') && Number.isNaN(wanted)) return `"${text}" is not a number, so it cannot be compared.`;
  const compare = (order: number) => (comparison === 'gt' ? order > 0 : comparison === 'ge' ? order >= 0 : comparison === 'lt' ? order < 0 : order <= 0);
  if (!Number.isNaN(wanted)) {
    return (value) => {
      const n = numberOf(value);
      return !Number.isNaN(n) && compare(n - wanted);
    };
  }
  const time = parseTime(text, context.now, context.zone);
  if (time && /\d/.test(text)) {
    const bounds = boundsOf(comparison, time);
    return (value) => {
      const at = timeOf(value);
      return at >= bounds.from && at < bounds.to;
    };
  }
  return (value) => value !== undefined && value !== null && compare(valueText(value) < text ? -1 : valueText(value) > text ? 1 : 0);
}

function rangeTest(value: Extract<TermValue, { kind: 'range' }>, kind: FieldKind, context: ValueContext): ScalarTest | string {
  const [low, high] = [numberOf(value.from), numberOf(value.to)];
  if (!Number.isNaN(low) && !Number.isNaN(high)) {
    return (field) => {
      const n = numberOf(field);
      return n >= low && n <= high;
    };
  }
  if (kind === 'number' || kind === 'status') return `${value.from}..${value.to} is not a range of numbers.`;
  const [from, to] = [parseTime(value.from, context.now, context.zone), parseTime(value.to, context.now, context.zone)];
  if (from && to) {
    return (field) => {
      const at = timeOf(field);
      return at >= from.from && at < to.to;
    };
  }
  return (field) => field !== undefined && field !== null && valueText(field) >= value.from && valueText(field) <= value.to;
}
