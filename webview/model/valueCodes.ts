import type { LogRow } from '../../src/protocol/streamDefinition';

type Scalar = string | number | boolean;

/**
 * One field's values numbered: `codes[row]` is the row's value id (-1: none, null or an object), `values[id]` the
 * value. Counting the shown rows' values then takes one typed-array increment per row instead of a map update,
 * which matters for fields with tens of thousands of distinct values (ip, url). Rows added at the end are
 * numbered on the next use; other changes start over.
 */
export class ValueCodes {
  codes = new Int32Array(0);
  readonly values: Scalar[] = [];
  private readonly ids = new Map<Scalar, number>();
  private built = 0;

  constructor(readonly key: string) {}

  /** Rows numbered (`codes` may be longer). */
  get length(): number {
    return this.built;
  }

  /** Numbers rows up to `rows.length` (the rows before it must be the ones numbered earlier). */
  extend(rows: readonly LogRow[]): void {
    if (this.built === rows.length) return;
    if (this.codes.length < rows.length) {
      const grown = new Int32Array(Math.max(rows.length, this.codes.length * 2));
      grown.set(this.codes.subarray(0, this.built));
      this.codes = grown;
    }
    const { codes, ids, values, key } = this;
    for (let i = this.built; i < rows.length; i++) {
      const value = rows[i].fields[key];
      if (value === undefined || value === null || typeof value === 'object') {
        codes[i] = -1;
        continue;
      }
      let id = ids.get(value);
      if (id === undefined) {
        id = values.length;
        ids.set(value, id);
        values.push(value);
      }
      codes[i] = id;
    }
    this.built = rows.length;
  }

  /** Forgets rows from `count` on (the oldest were dropped). */
  truncate(count: number): void {
    this.built = Math.min(this.built, count);
  }
}

/** The numbered fields of a row store, kept in step with its changes. */
export class FieldCodes {
  private readonly byKey = new Map<string, ValueCodes>();

  constructor(private readonly rows: () => readonly LogRow[]) {}

  of(key: string): ValueCodes {
    let codes = this.byKey.get(key);
    if (!codes) this.byKey.set(key, (codes = new ValueCodes(key)));
    codes.extend(this.rows());
    return codes;
  }

  /** Rows moved or were replaced: number them again when next asked. */
  reset(): void {
    this.byKey.clear();
  }

  truncated(count: number): void {
    for (const codes of this.byKey.values()) codes.truncate(count);
  }
}
