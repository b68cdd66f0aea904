import type { EnumFilter, FilterDef, FilterValues, LogRow, TextFilter } from '../../protocol/streamDefinition';
import { matchesOneOf } from '../httpFilters';
import { listValue, textValue } from '../rowHelpers';

/** The server-side filters both SignalWire log endpoints share. */
export const signalwireDateFilters: readonly FilterDef[] = [
  { key: 'created_after', kind: 'datetime', label: 'Created after', serverSide: true },
  { key: 'created_before', kind: 'datetime', label: 'Created before', serverSide: true },
  { key: 'created_on', kind: 'date', label: 'Created on', description: 'One day (YYYY-MM-DD).', serverSide: true },
  {
    key: 'include_deleted',
    kind: 'boolean',
    label: 'Include deleted',
    description: 'Also list logs of deleted activity.',
    serverSide: true,
    defaultValue: false,
  },
];

const option = (value: string) => ({ value, label: value });

/** A local choice among known values (the SignalWire APIs filter only by date). */
export function localEnumFilter(key: string, label: string, values: readonly string[]): EnumFilter {
  return {
    key,
    kind: 'enum',
    label,
    description: `Applied to the loaded rows (the API has no ${label.toLowerCase()} filter).`,
    serverSide: false,
    multiple: true,
    options: values.map(option),
  };
}

/** A local comma-separated list of exact values, for fields the spec does not enumerate. */
export function localListFilter(key: string, label: string, placeholder: string): TextFilter {
  return {
    key,
    kind: 'text',
    label,
    description: `Comma-separated values, applied to the loaded rows (the API has no ${label.toLowerCase()} filter).`,
    placeholder,
    serverSide: false,
  };
}

export const phoneLocalFilter: TextFilter = {
  key: 'phone',
  kind: 'text',
  label: 'Phone number',
  description: 'Part of the From or To number or address, applied to the loaded rows (the API has no number filter).',
  placeholder: '+1555',
  serverSide: false,
};

/** Keys of the local filters whose value must be one of a list; `phone` and `room_name` match parts. */
const listFilterKeys = ['type', 'direction', 'status'] as const;

/** Spaces, dashes, dots and brackets are formatting in phone numbers, not content. */
function phoneDigits(text: string): string {
  return text.toLowerCase().replace(/[\s().-]/g, '');
}

/**
 * The rows the local filters keep. A discarded voice log has only its id and dates, so field filters do not
 * apply to it; it is shown or hidden by the panel's own "Discarded" toggle.
 */
export function applySignalwireLocalFilters(rows: LogRow[], filters: FilterValues): LogRow[] {
  const lists = listFilterKeys.map((key) => [key, listValue(filters, key)] as const).filter(([, values]) => values.length > 0);
  const room = textValue(filters, 'room_name')?.toLowerCase();
  const phone = textValue(filters, 'phone');
  const digits = phone === undefined ? undefined : phoneDigits(phone);
  if (lists.length === 0 && room === undefined && digits === undefined) {
    return rows;
  }
  const hasPart = (value: unknown, part: string) => typeof value === 'string' && phoneDigits(value).includes(part);
  return rows.filter(
    (row) =>
      row.fields.discarded === true ||
      (lists.every(([key, values]) => matchesOneOf(row.fields[key], values)) &&
        (room === undefined || String(row.fields.room_name ?? '').toLowerCase().includes(room)) &&
        (digits === undefined || hasPart(row.fields.from, digits) || hasPart(row.fields.to, digits))),
  );
}
