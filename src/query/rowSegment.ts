import type { JsonValue, LogRow, Severity } from '../protocol/streamDefinition';
import { PackedColumn } from './packedColumn';

/** Rows per segment at most. */
export const segmentRows = 4096;

const severities: readonly Severity[] = ['error', 'warning', 'info', 'debug'];
const severityCode: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, debug: 3 };

/** The fields a row has, in its order, and their columns. */
interface Shape {
  readonly keys: readonly string[];
  readonly columns: readonly PackedColumn[];
  /** A field named `__proto__` (JSON allows it) must be defined, not assigned. */
  readonly protoKey: boolean;
}

/**
 * Up to `segmentRows` rows held by field instead of as objects: the rows of a stream share their fields, and most
 * fields repeat a few values (see `PackedColumn`), so a row costs its id, its unique strings and a few bytes.
 * Rows are added at the end (`push`) and read back as new `LogRow` objects equal to the ones added (fields whose
 * value is `undefined` are left out, as JSON leaves them out).
 */
export class RowSegment {
  count = 0;
  /** No more rows are added (see `seal`). */
  sealed = false;
  readonly ids: string[] = [];
  private times: Float64Array;
  private severities: Uint8Array;
  private shapeOf: Uint16Array;
  private readonly shapes: Shape[] = [];
  private readonly shapeIndex = new Map<string, number>();
  private readonly columns = new Map<string, PackedColumn>();
  private last = -1;

  /** `serial`: the number of the segment's first row; row `offset` is numbered `serial + offset`. */
  constructor(
    readonly serial: number,
    private capacity: number,
  ) {
    this.times = new Float64Array(capacity);
    this.severities = new Uint8Array(capacity);
    this.shapeOf = new Uint16Array(capacity);
  }

  get full(): boolean {
    return this.count >= segmentRows;
  }

  push(row: LogRow): void {
    const severity = severityCode[row.severity];
    if (severity === undefined) throw new TypeError(`unknown severity ${String(row.severity)}`);
    const offset = this.count;
    if (offset >= this.capacity) this.grow();
    const shape = this.shapeFor(row.fields);
    const { keys, columns } = this.shapes[shape];
    for (let k = 0; k < keys.length; k++) columns[k].set(offset, row.fields[keys[k]]);
    this.ids.push(row.id);
    this.times[offset] = row.time;
    this.severities[offset] = severity;
    this.shapeOf[offset] = shape;
    this.count++;
  }

  row(offset: number): LogRow {
    const { keys, columns, protoKey } = this.shapes[this.shapeOf[offset]];
    const fields: Record<string, JsonValue> = {};
    for (let k = 0; k < keys.length; k++) {
      if (protoKey && keys[k] === '__proto__') Object.defineProperty(fields, keys[k], { value: columns[k].get(offset), enumerable: true, writable: true, configurable: true });
      else fields[keys[k]] = columns[k].get(offset);
    }
    return { id: this.ids[offset], time: this.times[offset], severity: severities[this.severities[offset]], fields };
  }

  /** Keeps the first `count` rows. */
  truncate(count: number): void {
    this.count = Math.min(this.count, count);
    this.ids.length = this.count;
  }

  /** No more rows will be added: what only adding needs goes. */
  seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    for (const column of this.columns.values()) column.seal();
  }

  /** The shape of `fields`: the previous row's when the keys are the same, the common case. */
  private shapeFor(fields: LogRow['fields']): number {
    const previous = this.last >= 0 ? this.shapes[this.last].keys : undefined;
    if (previous && sameKeys(fields, previous)) return this.last;
    const keys = Object.keys(fields).filter((key) => fields[key] !== undefined);
    const signature = keys.join('\n');
    let index = this.shapeIndex.get(signature);
    if (index === undefined) {
      index = this.shapes.length;
      this.shapes.push({ keys, columns: keys.map((key) => this.column(key)), protoKey: keys.includes('__proto__') });
      this.shapeIndex.set(signature, index);
    }
    this.last = index;
    return index;
  }

  private column(key: string): PackedColumn {
    let column = this.columns.get(key);
    if (!column) this.columns.set(key, (column = new PackedColumn(this.capacity)));
    return column;
  }

  private grow(): void {
    this.capacity = Math.min(segmentRows, Math.max(1, this.capacity * 2));
    const times = new Float64Array(this.capacity);
    times.set(this.times);
    const severityCodes = new Uint8Array(this.capacity);
    severityCodes.set(this.severities);
    const shapeOf = new Uint16Array(this.capacity);
    shapeOf.set(this.shapeOf);
    [this.times, this.severities, this.shapeOf] = [times, severityCodes, shapeOf];
  }
}

function sameKeys(fields: LogRow['fields'], keys: readonly string[]): boolean {
  let k = 0;
  for (const key in fields) {
    if (fields[key] === undefined) continue;
    if (key !== keys[k++]) return false;
  }
  return k === keys.length;
}
