import { parseTime } from './rowHelpers';

/**
 * A fast path for validating the rows of a page: zod costs ~20× a plain loop over 1,000 rows. A shape lists each
 * field's kind; `fastRows` decodes exactly what the stream's zod schema would for well-formed rows (same
 * transforms, unknown keys dropped, absent keys left absent) and gives up (undefined) on anything else, so the
 * zod schema stays the judge of odd rows and writes the error. The property tests hold the two to the same output.
 */
export type FieldKind = keyof typeof decoders;
export type RowShape = Readonly<Record<string, FieldKind>>;

const fail = Symbol('fail');
type Decoded = unknown;

const isText = (value: unknown): value is string => typeof value === 'string';
const nullish = (value: unknown) => value === null || value === undefined;
const optional = (decode: (value: unknown) => Decoded) => (value: unknown) => (nullish(value) ? value : decode(value));

function time(value: unknown): Decoded {
  if (!isText(value)) return fail;
  const ms = parseTime(value);
  return Number.isNaN(ms) ? fail : ms;
}

function status(value: unknown): Decoded {
  if (Number.isSafeInteger(value)) return value;
  return isText(value) && /^\d{3}$/.test(value) ? Number(value) : fail;
}

function money(value: unknown): Decoded {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return isText(value) && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : fail;
}

/** One shape object for every call, so it is compiled once (a literal per call missed the cache every row). */
const chargeShape: RowShape = { description: 'text?', charge: 'money?' };

function charges(value: unknown): Decoded {
  if (!Array.isArray(value)) return fail;
  return decodeList(value, chargeShape) ?? fail;
}

const decoders = {
  id: (value: unknown) => (isText(value) && value !== '' ? value : fail),
  idOrNumber: (value: unknown) => ((isText(value) && value !== '') || (typeof value === 'number' && Number.isFinite(value)) ? value : fail),
  text: (value: unknown) => (isText(value) ? value : fail),
  'text?': optional((value) => (isText(value) ? value : fail)),
  time,
  'time?': optional(time),
  /** `.optional()`, not `.nullish()`: absent is fine, null is not. */
  'time|absent': (value: unknown) => (value === undefined ? value : time(value)),
  status,
  'status?': optional(status),
  'int?': optional((value) => (Number.isSafeInteger(value) ? value : fail)),
  'number?': optional((value) => (typeof value === 'number' && Number.isFinite(value) ? value : fail)),
  'bool?': optional((value) => (typeof value === 'boolean' ? value : fail)),
  'money?': optional(money),
  'level?': optional((value) => (Number.isSafeInteger(value) ? value : isText(value) && /^\d+$/.test(value) ? Number(value) : fail)),
  'charges?': optional(charges),
  any: (value: unknown) => value,
} satisfies Record<string, (value: unknown) => Decoded>;

/** A shape's keys with their decoders looked up once, not per row and field. */
interface CompiledShape {
  readonly keys: readonly string[];
  readonly decode: readonly ((value: unknown) => Decoded)[];
}

const compiled = new WeakMap<RowShape, CompiledShape>();

function compile(shape: RowShape): CompiledShape {
  let result = compiled.get(shape);
  if (!result) {
    const keys = Object.keys(shape);
    result = { keys, decode: keys.map((key) => decoders[shape[key]]) };
    compiled.set(shape, result);
  }
  return result;
}

function decodeRow(row: unknown, { keys, decode }: CompiledShape): Record<string, unknown> | undefined {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return undefined;
  const input = row as Record<string, unknown>;
  const output: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const value = input[key];
    const decoded = decode[i](value);
    if (decoded === fail) return undefined;
    if (decoded !== undefined || key in input) output[key] = decoded;
  }
  return output;
}

function decodeList(list: readonly unknown[], shape: RowShape): Record<string, unknown>[] | undefined {
  const compiledShape = compile(shape);
  const rows = new Array<Record<string, unknown>>(list.length);
  for (let i = 0; i < list.length; i++) {
    const row = decodeRow(list[i], compiledShape);
    if (row === undefined) return undefined;
    rows[i] = row;
  }
  return rows;
}

/** The rows decoded as the zod schema would, typed as its output `T`; undefined when any row is not plain. */
export function fastRows<T>(list: unknown, shape: RowShape): T[] | undefined {
  return Array.isArray(list) ? (decodeList(list, shape) as T[] | undefined) : undefined;
}
