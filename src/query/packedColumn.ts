import type { JsonValue } from '../protocol/streamDefinition';

/** Distinct values one segment's column numbers before it keeps its values as they are. */
const maxCodes = 1024;
/** Objects whose JSON is longer than this are kept as they are: numbering them would stringify every one. */
const maxCodedJson = 512;
const negativeZero = Symbol('-0');

/**
 * One field of the rows of a segment, by row offset, stored by what its values turned out to be: values that
 * repeat (types, statuses, rooms, methods, small JSON objects) numbered once in a dictionary with a byte or two
 * per row; other numbers in a Float64Array (null as NaN, which JSON cannot hold); anything else as it is. Offsets
 * of rows without the field hold whatever was there; the segment knows which rows have it.
 */
export class PackedColumn {
  private codes: Uint8Array | Uint16Array | undefined;
  private dictionary: JsonValue[] = [];
  /** Lookups for numbering new values; dropped when the segment is sealed. */
  private codeOf: Map<unknown, number> | undefined = new Map();
  private jsonCodeOf: Map<string, number> | undefined = new Map();
  private numbers: Float64Array | undefined;
  private values: JsonValue[] | undefined;

  constructor(private capacity: number) {
    this.codes = new Uint8Array(capacity);
  }

  get(offset: number): JsonValue {
    if (this.codes) return this.dictionary[this.codes[offset]];
    if (this.numbers) {
      const number = this.numbers[offset];
      return Number.isNaN(number) ? null : number;
    }
    return (this.values as JsonValue[])[offset];
  }

  set(offset: number, value: JsonValue): void {
    if (offset >= this.capacity) this.grow(offset + 1);
    if (this.codes && this.setCode(offset, value)) return;
    if (this.numbers) {
      if (value === null || (typeof value === 'number' && Number.isFinite(value))) {
        this.numbers[offset] = value ?? NaN;
        return;
      }
      this.toValues();
    }
    (this.values as JsonValue[])[offset] = value;
  }

  /** No more rows: the lookups for numbering go, the numbered values stay. */
  seal(): void {
    this.codeOf = undefined;
    this.jsonCodeOf = undefined;
  }

  private setCode(offset: number, value: JsonValue): boolean {
    const code = this.codeFor(value);
    if (code === undefined) {
      this.leaveCodes(value);
      return false;
    }
    if (code > 0xff && this.codes instanceof Uint8Array) this.codes = Uint16Array.from(this.codes);
    (this.codes as Uint8Array | Uint16Array)[offset] = code;
    return true;
  }

  /** The value's number, numbering it when new; undefined when it cannot be numbered (too many, too big, sealed). */
  private codeFor(value: JsonValue): number | undefined {
    const objectKey = value !== null && typeof value === 'object' ? JSON.stringify(value) : undefined;
    if (objectKey !== undefined && objectKey.length > maxCodedJson) return undefined;
    const lookup = objectKey === undefined ? this.codeOf : this.jsonCodeOf;
    const key = objectKey ?? (value === 0 && Object.is(value, -0) ? negativeZero : value);
    const known = lookup?.get(key);
    if (known !== undefined || !lookup || this.dictionary.length >= maxCodes) return known;
    const code = this.dictionary.length;
    this.dictionary.push(objectKey === undefined ? value : deepFreeze(value));
    lookup.set(key, code);
    return code;
  }

  /** Numbers from now on when every value so far and `next` are numbers or null, else plain values. */
  private leaveCodes(next: JsonValue): void {
    const numeric = (value: JsonValue) => value === null || (typeof value === 'number' && Number.isFinite(value));
    const codes = this.codes as Uint8Array | Uint16Array;
    const all = Array.from(codes, (code) => this.dictionary[code] ?? null);
    this.codes = undefined;
    this.dictionary = [];
    this.seal();
    if (numeric(next) && all.every(numeric)) {
      this.numbers = new Float64Array(this.capacity);
      for (let i = 0; i < all.length; i++) this.numbers[i] = (all[i] as number | null) ?? NaN;
    } else this.values = all;
  }

  private toValues(): void {
    const numbers = this.numbers as Float64Array;
    this.values = Array.from(numbers, (number) => (Number.isNaN(number) ? null : number));
    this.numbers = undefined;
  }

  private grow(needed: number): void {
    this.capacity = Math.max(needed, this.capacity * 2);
    if (this.codes) {
      const codes = new (this.codes instanceof Uint8Array ? Uint8Array : Uint16Array)(this.capacity);
      codes.set(this.codes);
      this.codes = codes;
    } else if (this.numbers) {
      const numbers = new Float64Array(this.capacity);
      numbers.set(this.numbers);
      this.numbers = numbers;
    }
  }
}

/** Numbered objects are shared by every row holding them, so none may change one under the others. */
function deepFreeze(value: JsonValue): JsonValue {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
