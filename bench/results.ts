import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One benchmark figure and its target. `ok` is absent for reference figures (the target reads "reference"). */
export interface BenchRow {
  readonly suite: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** Absent: a reference figure. */
  readonly target?: string;
  readonly ok?: boolean;
  /** Timed runs behind the figure (its median or percentile), when the suite says. */
  readonly runs?: number;
}

export type Figure = Omit<BenchRow, 'suite'>;

/** What `npm run bench` writes: when it ran, the machine's load around it, and every figure. */
export interface BenchResults {
  readonly startedAt?: string;
  readonly machine?: Record<string, unknown>;
  rows: BenchRow[];
}

export const resultsFile = resolve(__dirname, '..', 'bench-results.json');

/** A figure that must stay at or under `limit`. */
export function atMost(name: string, value: number, unit: string, limit: number, runs: number): Figure {
  return { name, value, unit, target: `≤ ${limit} ${unit}`, ok: value <= limit, runs };
}

/** A figure that must reach at least `limit`. */
export function atLeast(name: string, value: number, unit: string, limit: number, runs: number): Figure {
  return { name, value, unit, target: `≥ ${limit} ${unit}`, ok: value >= limit, runs };
}

/** A figure without a target of its own (e.g. the baseline of a ratio). */
export function reference(name: string, value: number, unit: string, runs: number): Figure {
  return { name, value, unit, target: 'reference', runs };
}

export function readResults(): BenchResults {
  return existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchResults) : { rows: [] };
}

/** Prints the rows as a table and merges them into bench-results.json (rows of the same suite are replaced). */
export function recordBench(suite: string, rows: readonly Figure[]): void {
  const withSuite = rows.map((row) => ({ suite, ...row }));
  const results = readResults();
  results.rows = [...(results.rows ?? []).filter((row) => row.suite !== suite), ...withSuite];
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(formatTable(withSuite));
}

/** The rows as an aligned text table; a missed target reads MISSED. */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((row) => [
    row.suite,
    row.name,
    `${Number(row.value.toFixed(3))} ${row.unit}`,
    row.target ?? 'reference',
    row.runs === undefined ? '' : String(row.runs),
    row.ok === undefined ? '' : row.ok ? 'ok' : 'MISSED',
  ]);
  const header = ['suite', 'benchmark', 'value', 'target', 'runs', 'result'];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}
