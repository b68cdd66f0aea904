import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One benchmark figure. `ok` is whether it met its target; absent when there is no target. */
export interface BenchRow {
  readonly suite: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly ok?: boolean;
}

const resultsFile = resolve(__dirname, '..', 'bench-results.json');

/** Prints the rows as a table and merges them into bench-results.json (rows of the same suite are replaced). */
export function recordBench(suite: string, rows: readonly Omit<BenchRow, 'suite'>[]): void {
  const withSuite = rows.map((row) => ({ suite, ...row }));
  const previous: BenchRow[] = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : [];
  const merged = [...previous.filter((row) => row.suite !== suite), ...withSuite];
  writeFileSync(resultsFile, JSON.stringify(merged, null, 2) + '\n');
  printTable(withSuite);
}

function printTable(rows: readonly BenchRow[]): void {
  const cells = rows.map((row) => [
    row.suite,
    row.name,
    `${Number(row.value.toFixed(3))} ${row.unit}`,
    row.target ?? '',
    row.ok === undefined ? '' : row.ok ? 'ok' : 'MISSED',
  ]);
  const header = ['suite', 'benchmark', 'value', 'target', 'result'];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  process.stdout.write([line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n');
}
