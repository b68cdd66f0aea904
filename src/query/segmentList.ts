import type { LogRow } from '../protocol/streamDefinition';
import { RowSegment, segmentRows } from './rowSegment';

/** Where a row is: its segment and its offset there. */
export interface RowPlace {
  readonly segment: RowSegment;
  readonly offset: number;
}

/**
 * The segments of a store in row order, with what finds a row by position (each segment's first position) and by
 * serial (the segments in serial order; every new segment takes serials above all others'). Rows are added at the
 * end of the last segment while it is open; any other change builds new segments from the rows it moves.
 */
export class SegmentList {
  private segments: RowSegment[] = [];
  private firsts: number[] = [];
  private bySerial: RowSegment[] = [];
  private nextSerial = 0;
  size = 0;

  get list(): readonly RowSegment[] {
    return this.segments;
  }

  clear(): void {
    this.segments = [];
    this.firsts = [];
    this.bySerial = [];
    this.size = 0;
  }

  /** Adds `row` at the end; returns its serial. `expected`: how many rows this append brings, to size a new segment. */
  push(row: LogRow, expected: number): number {
    let last = this.segments.at(-1);
    if (!last || last.sealed || last.full) {
      last?.seal();
      last = this.create(Math.min(segmentRows, Math.max(expected, 16)));
      this.firsts.push(this.size);
      this.segments.push(last);
      this.bySerial.push(last);
    }
    const serial = last.serial + last.count;
    last.push(row);
    this.size++;
    return serial;
  }

  /** Segments holding `rows` (in order), for `splice`; `serialOf` learns each row's new serial. */
  build(rows: readonly LogRow[], serialOf: Map<string, number>): RowSegment[] {
    const built: RowSegment[] = [];
    for (let start = 0; start < rows.length; start += segmentRows) {
      const chunk = rows.slice(start, start + segmentRows);
      const segment = this.create(chunk.length);
      for (const row of chunk) {
        serialOf.set(row.id, segment.serial + segment.count);
        segment.push(row);
      }
      built.push(segment);
    }
    return built;
  }

  /** Replaces `count` segments from segment `at` with `inserted`, and finds rows anew. */
  splice(at: number, count: number, inserted: readonly RowSegment[]): void {
    this.segments.splice(at, count, ...inserted);
    for (let i = 0; i < this.segments.length - 1; i++) this.segments[i].seal();
    this.reindex();
  }

  /** Keeps the first `count` rows; `forget` is told the id of every row that goes. */
  truncate(count: number, forget: (id: string) => void): void {
    while (this.size > count) {
      const last = this.segments[this.segments.length - 1];
      const keep = Math.max(0, last.count - (this.size - count));
      for (let offset = keep; offset < last.count; offset++) forget(last.ids[offset]);
      this.size -= last.count - keep;
      if (keep > 0) last.truncate(keep);
      else this.segments.pop();
    }
    this.reindex();
  }

  /** The segment and offset of row `index` (0 is the newest). */
  placeOf(index: number): RowPlace | undefined {
    if (index < 0 || index >= this.size) return undefined;
    let low = 0;
    let high = this.firsts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.firsts[middle] <= index) low = middle;
      else high = middle - 1;
    }
    return { segment: this.segments[low], offset: index - this.firsts[low] };
  }

  /** The segment and offset of the row numbered `serial`. */
  placeOfSerial(serial: number): RowPlace {
    let low = 0;
    let high = this.bySerial.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.bySerial[middle].serial <= serial) low = middle;
      else high = middle - 1;
    }
    const segment = this.bySerial[low];
    return { segment, offset: serial - segment.serial };
  }

  /** The position of the row at `place`. */
  indexOf(place: RowPlace): number {
    return this.firsts[this.segments.indexOf(place.segment)] + place.offset;
  }

  private create(capacity: number): RowSegment {
    const segment = new RowSegment(this.nextSerial, capacity);
    this.nextSerial += segmentRows;
    return segment;
  }

  private reindex(): void {
    this.firsts = [];
    let first = 0;
    for (const segment of this.segments) {
      this.firsts.push(first);
      first += segment.count;
    }
    this.size = first;
    this.bySerial = [...this.segments].sort((a, b) => a.serial - b.serial);
  }
}
