import type { JsonValue, LogRow } from '../../src/protocol/streamDefinition';

/** Rows per block: a power of two, so a row's block is a shift of its position. */
export const blockShift = 12;
export const blockSize = 1 << blockShift;

/** The lowercase search texts of a run of rows, joined by newlines, and where each row's text starts. */
export interface SearchBlock {
  /** The stable positions (see `SearchIndex`) of its first row and one past its last. */
  readonly from: number;
  readonly to: number;
  readonly text: string;
  /** `starts[i]` is where row `from + i` starts; `starts[count]` is one past the last row's newline. */
  readonly starts: Uint32Array;
}

/**
 * A block being built: its rows' texts so far (not yet lowercase). Idle time builds a block a slice at a time, so
 * no idle callback holds the page for a whole block.
 */
export interface PartBlock {
  readonly from: number;
  readonly to: number;
  readonly texts: string[];
}

/**
 * Adds the texts of `part`'s next rows (store rows from `first`, the part's first row) until it is whole or
 * `stop()` says so (asked every 256 rows); returns the block when whole.
 */
export function extendBlock(part: PartBlock, rows: readonly LogRow[], first: number, stop: () => boolean): SearchBlock | undefined {
  const { texts } = part;
  const count = part.to - part.from;
  while (texts.length < count) {
    texts.push(rowText(rows[first + texts.length]));
    if ((texts.length & 255) === 0 && texts.length < count && stop()) return undefined;
  }
  return joinBlock(texts, part.from, part.to);
}

/** The block of the rows whose texts are `texts`, at positions `from`..`to`. */
function joinBlock(texts: string[], from: number, to: number): SearchBlock {
  const count = to - from;
  const raw = texts.join('\n');
  const lower = raw.toLowerCase();
  // Lowercasing the whole block at once is several times faster than row by row; a few characters (İ) grow
  // when lowercased, and then the rows' starts would not match, so those blocks are lowercased row by row.
  const sameLength = lower.length === raw.length;
  const starts = new Uint32Array(count + 1);
  let offset = 0;
  for (let i = 0; i < count; i++) {
    if (!sameLength) texts[i] = texts[i].toLowerCase();
    starts[i] = offset;
    offset += texts[i].length + 1;
  }
  starts[count] = offset;
  return { from, to, text: sameLength ? lower : texts.join('\n'), starts };
}

/** Every field's text and the row id (not yet lowercase). */
function rowText(row: LogRow): string {
  let text = row.id;
  for (const key in row.fields) text += `\n${valueText(row.fields[key])}`;
  return text;
}

function valueText(value: JsonValue): string {
  if (value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
