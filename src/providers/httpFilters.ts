import type { EnumFilter } from '../protocol/streamDefinition';

/** Local-only filters shared by the streams that log HTTP requests (the APIs cannot filter on these). */
export const httpMethodLocalFilter: EnumFilter = {
  key: 'method',
  kind: 'enum',
  label: 'Method',
  description: 'Applied to the loaded rows (the API has no method filter).',
  serverSide: false,
  multiple: true,
  options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((value) => ({ value, label: value })),
};

export const statusClassLocalFilter: EnumFilter = {
  key: 'statusClass',
  kind: 'enum',
  label: 'Status',
  description: 'Applied to the loaded rows (the API has no status filter).',
  serverSide: false,
  multiple: true,
  options: [
    { value: '2xx', label: '2xx success' },
    { value: '3xx', label: '3xx redirect' },
    { value: '4xx', label: '4xx client error' },
    { value: '5xx', label: '5xx server error' },
  ],
};

/** True when the status falls in one of the selected classes (or none is selected). */
export function matchesStatusClass(status: unknown, classes: readonly string[]): boolean {
  if (classes.length === 0) {
    return true;
  }
  return typeof status === 'number' && classes.includes(`${Math.floor(status / 100)}xx`);
}

export function matchesOneOf(value: unknown, allowed: readonly string[]): boolean {
  if (allowed.length === 0) {
    return true;
  }
  return typeof value === 'string' && allowed.some((item) => item.toLowerCase() === value.toLowerCase());
}
