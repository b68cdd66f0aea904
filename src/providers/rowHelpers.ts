import * as z from 'zod';
import type { FilterValues, JsonValue, Severity } from '../protocol/streamDefinition';
import { parseIsoTime } from './isoTime';

/** Epoch ms from an ISO 8601 string; fractional seconds beyond ms (Daily sends nanoseconds) are dropped. */
export function parseTime(text: string): number {
  const ms = parseIsoTime(text);
  return Number.isNaN(ms) ? Date.parse(text.replace(/(\.\d{3})\d+/, '$1')) : ms;
}

/** A date-time string, parsed to epoch ms (the only form mappers need). */
export const isoTimeSchema = z.string().transform((text, context) => {
  const ms = parseTime(text);
  if (Number.isNaN(ms)) {
    context.addIssue({ code: 'custom', message: 'expected an ISO 8601 date-time' });
    return z.NEVER;
  }
  return ms;
});

/** A body field (JSON text, or an object some clients saw) as JSON text for the detail pane. */
export function bodyText(body: unknown): string | null {
  if (body === undefined || body === null) {
    return null;
  }
  return typeof body === 'string' ? body : (JSON.stringify(body) ?? null);
}

/** An HTTP status as sent (number or numeric string), as a number. */
export const httpStatusSchema = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^\d{3}$/, 'expected an HTTP status code')
    .transform(Number),
]);

export function severityForHttpStatus(status: number | undefined): Severity {
  if (status === undefined) {
    return 'info';
  }
  if (status >= 500) {
    return 'error';
  }
  return status >= 400 ? 'warning' : 'info';
}

/** Drops undefined values so a record is valid JSON for `LogRow.fields`. */
export function jsonFields(fields: Record<string, JsonValue | undefined>): Record<string, JsonValue> {
  const result: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) {
      result[key] = value;
    }
  }
  return result;
}

/** A filter value as a trimmed non-empty string, or undefined. */
export function textValue(filters: FilterValues, key: string): string | undefined {
  const value = filters[key];
  if (typeof value === 'string') {
    return value.trim() === '' ? undefined : value.trim();
  }
  return typeof value === 'number' ? String(value) : undefined;
}

/** A multi-value filter as a list: arrays as they are, a comma-separated string split. */
export function listValue(filters: FilterValues, key: string): string[] {
  const value = filters[key];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

export function numberValue(filters: FilterValues, key: string): number | undefined {
  const value = filters[key];
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

export function booleanValue(filters: FilterValues, key: string): boolean | undefined {
  const value = filters[key];
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }
  return typeof value === 'boolean' ? value : undefined;
}

/** Clamps a requested page size to 1..max, falling back to `fallback`. */
export function clampPageSize(requested: number | undefined, max: number, fallback: number): number {
  const size = requested === undefined || !Number.isFinite(requested) ? fallback : Math.floor(requested);
  return Math.min(max, Math.max(1, size));
}
