import type { ExportFormat } from '../protocol/logTable';
import type { ColumnDef, JsonValue, LogRow } from '../protocol/streamDefinition';
import { csvCell, csvRecord } from './csv';

/** The text of an export in three parts, so a writer can stream rows one at a time with progress. */
export interface ExportEncoder {
  readonly header: string;
  row(row: LogRow, index: number): string;
  readonly footer: string;
}

/**
 * JSON and NDJSON hold each `LogRow` unchanged; CSV has `id`, `time` (ISO 8601, UTC) and `severity`, then the
 * stream's columns, then any other field seen in the rows.
 */
export function createEncoder(rows: readonly LogRow[], format: ExportFormat, columns: readonly ColumnDef[]): ExportEncoder {
  switch (format) {
    case 'csv':
      return csvEncoder(rows, columns);
    case 'json':
      return {
        header: rows.length === 0 ? '[' : '[\n',
        row: (row, index) => `${JSON.stringify(row)}${index < rows.length - 1 ? ',' : ''}\n`,
        footer: ']\n',
      };
    case 'ndjson':
      return { header: '', row: (row) => `${JSON.stringify(row)}\n`, footer: '' };
  }
}

/** The whole export as one string (small exports and tests). */
export function encodeAll(rows: readonly LogRow[], format: ExportFormat, columns: readonly ColumnDef[]): string {
  const encoder = createEncoder(rows, format, columns);
  return encoder.header + rows.map((row, index) => encoder.row(row, index)).join('') + encoder.footer;
}

const fixedColumns = ['id', 'time', 'severity'];

function csvEncoder(rows: readonly LogRow[], columns: readonly ColumnDef[]): ExportEncoder {
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
    footer: '',
  };
}

/** The stream's columns (hidden ones too) in order, then every other field key in first-seen order. */
export function csvFieldKeys(rows: readonly LogRow[], columns: readonly ColumnDef[]): string[] {
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
