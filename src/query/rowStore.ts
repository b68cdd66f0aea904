import type { LogRow } from '../protocol/streamDefinition';
import { heldRowsOf, type HeldRows } from './heldRows';
import { SegmentList } from './segmentList';

export type { HeldRows } from './heldRows';

/** Live-tail rows arrive a few at a time; newer segments smaller than this together are joined into one. */
const smallSegment = 512;

/**
 * The rows of one panel, newest first, unique by id and bounded by `maxRows`. When the bound bites, the oldest rows
 * go; from then on the older end is no longer contiguous, so `limitReached` stops further older loads. Rows are
 * held by field in segments (see `RowSegment`), about a third of what the row objects cost, and read back as new
 * objects equal to the ones added.
 */
export class RowStore {
  private readonly segments = new SegmentList();
  /** Each held row's serial (see `SegmentList`) by id. */
  private readonly serials = new Map<string, number>();
  /** Rows dropped or refused since the last `replace`, to stay within `maxRows`. */
  dropped = 0;
  private readonly view: HeldRows;

  constructor(private maxRows: number) {
    const size = () => this.size;
    this.view = {
      get length() {
        return size();
      },
      at: (index) => this.at(index),
      slice: (start = 0, end = this.size) => this.slice(start, end),
      [Symbol.iterator]: () => this.iterate(),
    };
  }

  get size(): number {
    return this.segments.size;
  }

  get limitReached(): boolean {
    return this.dropped > 0 || this.size >= this.maxRows;
  }

  /** Every held row, newest first (a live view: it follows later changes). */
  all(): HeldRows {
    return this.view;
  }

  /** Row `index` (the newest is 0). */
  at(index: number): LogRow | undefined {
    const place = this.segments.placeOf(index < 0 ? index + this.size : index);
    return place && place.segment.row(place.offset);
  }

  /** Rows `from` to `to` (not included; negative counts from the end, as for arrays), newest first. */
  slice(from: number, to: number): LogRow[] {
    const size = this.size;
    const clamp = (index: number) => Math.min(size, Math.max(0, index < 0 ? index + size : index));
    const rows: LogRow[] = [];
    for (let index = clamp(from); index < clamp(to); index++) rows.push(this.at(index) as LogRow);
    return rows;
  }

  get(id: string): LogRow | undefined {
    const serial = this.serials.get(id);
    if (serial === undefined) return undefined;
    const { segment, offset } = this.segments.placeOfSerial(serial);
    return segment.row(offset);
  }

  has(id: string): boolean {
    return this.serials.has(id);
  }

  /** The held rows among `ids`, in that order, built as they are read. */
  rowsOf(ids: readonly string[]): HeldRows {
    return heldRowsOf(ids.filter((id) => this.has(id)), (id) => this.get(id));
  }

  /** Position of a held row (newest is 0), or -1. */
  indexOf(id: string): number {
    const serial = this.serials.get(id);
    return serial === undefined ? -1 : this.segments.indexOf(this.segments.placeOfSerial(serial));
  }

  /** A new result set. Returns the rows kept. */
  replace(rows: readonly LogRow[]): readonly LogRow[] {
    this.segments.clear();
    this.serials.clear();
    this.dropped = 0;
    return this.append(rows);
  }

  /** Older rows at the end; ids already held are skipped, and rows beyond `maxRows` are refused. */
  append(rows: readonly LogRow[]): readonly LogRow[] {
    const accepted = this.unseen(rows);
    const room = Math.max(0, this.maxRows - this.size);
    const kept = accepted.length > room ? accepted.slice(0, room) : accepted;
    this.dropped += accepted.length - kept.length;
    for (let i = 0; i < kept.length; i++) this.serials.set(kept[i].id, this.segments.push(kept[i], kept.length - i));
    return kept;
  }

  /** Newer rows at the top (live tail); returns them and how many of the oldest were dropped to make room. */
  prepend(rows: readonly LogRow[]): { readonly added: readonly LogRow[]; readonly droppedOldest: number } {
    const added = this.unseen(rows);
    if (added.length === 0) return { added, droppedOldest: 0 };
    const first = this.segments.list[0];
    const join = first !== undefined && first.count + added.length <= smallSegment;
    const moved = join ? added.concat(this.rowsOfSegment(0)) : added;
    this.segments.splice(0, join ? 1 : 0, this.segments.build(moved, this.serials));
    return { added, droppedOldest: this.trim() };
  }

  /** Rows for a filled gap, just above the held row `beforeId`; returns them and how many of the oldest went. */
  insertBefore(beforeId: string, rows: readonly LogRow[]): { readonly added: readonly LogRow[]; readonly droppedOldest: number } {
    const at = this.indexOf(beforeId);
    const added = at < 0 ? [] : this.unseen(rows);
    if (added.length === 0) return { added, droppedOldest: 0 };
    const place = this.segments.placeOf(at);
    const index = place ? this.segments.list.indexOf(place.segment) : 0;
    const own = this.rowsOfSegment(index);
    const offset = place?.offset ?? 0;
    const moved = own.slice(0, offset).concat(added, own.slice(offset));
    this.segments.splice(index, 1, this.segments.build(moved, this.serials));
    return { added, droppedOldest: this.trim() };
  }

  /** Changes the bound; returns how many of the oldest rows were dropped. */
  setMaxRows(maxRows: number): number {
    this.maxRows = maxRows;
    return this.trim();
  }

  private trim(): number {
    const excess = this.size - this.maxRows;
    if (excess <= 0) return 0;
    this.segments.truncate(this.maxRows, (id) => this.serials.delete(id));
    this.dropped += excess;
    return excess;
  }

  private rowsOfSegment(segmentIndex: number): LogRow[] {
    const segment = this.segments.list[segmentIndex];
    return Array.from({ length: segment.count }, (_, offset) => segment.row(offset));
  }

  /** The rows held when the walk starts; segments replaced meanwhile keep their rows, so the walk is not disturbed. */
  private *iterate(): Generator<LogRow> {
    const held = this.segments.list.map((segment) => ({ segment, count: segment.count }));
    for (const { segment, count } of held) for (let offset = 0; offset < Math.min(count, segment.count); offset++) yield segment.row(offset);
  }

  private unseen(rows: readonly LogRow[]): LogRow[] {
    const seen = new Set<string>();
    return rows.filter((row) => {
      if (this.serials.has(row.id) || seen.has(row.id)) return false;
      seen.add(row.id);
      return true;
    });
  }
}
