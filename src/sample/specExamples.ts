/**
 * The spec examples in the sample data are dated when the specs were written, years before the generated records.
 * In the data a person browses ("Try with Sample Data", `npm run demo`) they move to just before the oldest
 * generated record, their spacing kept, so a histogram of the sample spans its days instead of years.
 */
export type SpecExamplesDating = 'asInSpec' | 'beforeGenerated';

const gapMs = 60_000;

/**
 * `records` newest first, the last `exampleCount` being the spec examples; `timeKeys` are the ISO time fields to
 * move, the first one being the record's time (later ones keep their distance to it).
 */
export function examplesBeforeGenerated<T extends object>(records: readonly T[], exampleCount: number, timeKeys: readonly (keyof T & string)[]): T[] {
  if (exampleCount === 0 || records.length <= exampleCount) return [...records];
  const generated = records.slice(0, records.length - exampleCount);
  const examples = records.slice(records.length - exampleCount);
  const timeOf = (record: T) => Date.parse(String(record[timeKeys[0]]));
  const shift = timeOf(generated[generated.length - 1]) - gapMs - Math.max(...examples.map(timeOf));
  const moved = examples.map((example) => {
    const copy = { ...example } as Record<string, unknown>;
    for (const key of timeKeys) copy[key] = movedIso(String(example[key]), shift);
    return copy as T;
  });
  return [...generated, ...moved];
}

/** Keeps the example's own precision: `2022-04-29T08:59:51Z` stays without milliseconds. */
function movedIso(iso: string, shift: number): string {
  const moved = new Date(Date.parse(iso) + shift).toISOString();
  return iso.includes('.') ? moved : moved.replace(/\.\d{3}Z$/, 'Z');
}
