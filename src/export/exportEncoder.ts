import type { ExportFormat } from '../protocol/logTable';
import type { ColumnDef, JsonValue, LogRow } from '../protocol/streamDefinition';
import type { HeldRows } from '../query/heldRows';
import { csvCell, csvRecord } from './csv';

/** The text of an export in three parts, so a writer can stream rows one at a time with progress. */
export interface ExportEncoder {
  readonly header: string;
  /** Row number `index` (from 0) of those written. */
  row(row: LogRow, index: number): string;
  /** After `written` rows. */
  footer(written: number): string;
}

/**
 * JSON and NDJSON hold each `LogRow` unchanged; CSV has `id`, `time` (ISO 8601, UTC) and `severity`, then the
 * stream's columns, then any other field seen in the rows.
 */
export function createEncoder(rows: Iterable<LogRow>, format: ExportFormat, columns: readonly ColumnDef[]): ExportEncoder {
  switch (format) {
    case 'csv':
      return csvEncoder(rows, columns);
    case 'json':
      return {
        header: '[',
        row: (row, index) => `${index === 0 ? '\n' : ',\n'}${JSON.stringify(row)}`,
        footer: (written) => (written === 0 ? ']\n' : '\n]\n'),
      };
    case 'ndjson':
      return { header: '', row: (row) => `${JSON.stringify(row)}\n`, footer: () => '' };
  }
}

/** The whole export as one string (small exports and tests). */
export function encodeAll(rows: HeldRows, format: ExportFormat, columns: readonly ColumnDef[]): string {
  const encoder = createEncoder(rows, format, columns);
  const body = Array.from(rows, (row, index) => encoder.row(row, index));
  return encoder.header + body.join('') + encoder.footer(body.length);
}

const fixedColumns = ['id', 'time', 'severity'];

function csvEncoder(rows: Iterable<LogRow>, columns: readonly ColumnDef[]): ExportEncoder {
  const keys = csvFieldKeys(rows, columns);
  const timeKeys = new Set(columns.filter((column) => column.type === 'time').map((column) => column.key));
  return {
    header: csvRecord([...fixedColumns, ...keys].map((key) => csvCell(key))),
    row: (row) => {
      const cells = [csvCell(row.id), csvCell(isoTime(row.time)), csvCell(row.severity)];
      for (const key of keys) {
        const value = row.fields[key];
        cells.push(csvCell(timeKeys.has(key) && typeof value === 'number' ? isoTime(value) : value));
      }
      return csvRecord(cells);
    },
    footer: () => '',
  };
}

/** The stream's columns (hidden ones too) in order, then every other field key in first-seen order. */
export function csvFieldKeys(rows: Iterable<LogRow>, columns: readonly ColumnDef[]): string[] {
  const keys = new Set<string>(columns.map((column) => column.key).filter((key) => !fixedColumns.includes(key)));
  for (const row of rows) {
    for (const key of Object.keys(row.fields)) {
      if (!fixedColumns.includes(key)) {
        keys.add(key);
      }
    }
  }
  return [...keys];
}

function isoTime(ms: number): JsonValue {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
