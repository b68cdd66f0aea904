import type { LogRow } from '../../src/protocol/streamDefinition';
import { finder, found, scanBlock, testRow, type Find, type Findings } from './blockScan';
import { blockShift, blockSize, extendBlock, type PartBlock, type SearchBlock } from './searchBlock';

/** Needles whose findings are kept while the rows stay the same (typing back what was just deleted). */
const recentNeedles = 4;

/** What is known of a needle in each row, and how to find it. */
interface Recent {
  readonly needle: string;
  readonly findings: Findings;
  readonly find: Find;
}

/** The store indices the next tests visit, and a mark per row (built on first need). */
interface Expected {
  readonly indices: ArrayLike<number>;
  marks?: Uint8Array;
}

/**
 * The lowercase free text of the rows, kept only as blocks of 4096 rows joined by newlines (built on first use or
 * in idle time): one `indexOf` walk over a block is several times faster than a call per row, and a row's own text
 * is a slice of its block, so the text is held once. Blocks are keyed by a stable position (store index plus
 * `origin`) so rows added at either end only build the blocks they touch, not the whole store.
 */
export class SearchIndex {
  private count = 0;
  /** A row's stable position is its store index plus `origin` (prepending rows lowers it). */
  private origin = 0;
  private readonly blocks = new Map<number, SearchBlock>();
  /** The block idle time is building, when it stopped half way. */
  private part: PartBlock | undefined;
  private expected: Expected | undefined;
  private recent: Recent[] = [];

  constructor(private readonly rows: () => readonly LogRow[]) {}

  reset(count: number): void {
    this.count = count;
    this.origin = 0;
    this.blocks.clear();
    this.changed();
  }

  appended(count: number): void {
    this.count += count;
    this.changed();
  }

  prepended(count: number): void {
    this.count += count;
    this.origin -= count;
    this.changed();
  }

  inserted(count: number): void {
    this.count += count;
    this.blocks.clear();
    this.changed();
  }

  truncated(count: number): void {
    this.count = count;
    for (const [id, block] of this.blocks) if (block.to > this.origin + count) this.blocks.delete(id);
    this.changed();
  }

  /** Lowercase text of every field of row `index`. */
  textAt(index: number): string {
    const position = index + this.origin;
    const block = this.block(position >> blockShift);
    const offset = position - block.from;
    return block.text.slice(block.starts[offset], block.starts[offset + 1] - 1);
  }

  /** Builds the blocks from the one holding row `start` for about `budgetMs`; returns where it stopped (the row count when done). */
  build(start: number, budgetMs: number): number {
    const deadline = performance.now() + budgetMs;
    const stop = () => performance.now() > deadline;
    let index = start;
    while (index < this.count) {
      const block = this.block((index + this.origin) >> blockShift, stop);
      if (!block) return (this.part as PartBlock).from - this.origin + (this.part as PartBlock).texts.length;
      index = block.to - this.origin;
      if (stop()) break;
    }
    return index;
  }

  /**
   * The store indices the next tests will visit (a query's source rows): a block's search then skips the rows
   * no test will ask about. Only the cost depends on it, never a result.
   */
  expect(indices: ArrayLike<number>): void {
    this.expected = indices.length >= this.count ? undefined : { indices };
  }

  /**
   * A test by store index for rows whose text contains `needle` (lowercase, no newline), valid until the rows
   * change. A block's expected rows are all tested on its first question, in store order (see `expect`).
   */
  contains(needle: string): (index: number) => boolean {
    const search = this.findings(needle);
    const { findings } = search;
    const origin = this.origin;
    return (index) => {
      if (findings[index] === 0) this.test(index + origin, search);
      return findings[index] === found;
    };
  }

  /** Of `indices` (store indices), those whose text contains `needle`, in order: `contains` without a call per row. */
  select(needle: string, indices: Uint32Array): Uint32Array {
    const search = this.findings(needle);
    const { findings } = search;
    this.expect(indices);
    const kept = new Uint32Array(indices.length);
    let count = 0;
    for (let i = 0; i < indices.length; i++) {
      const index = indices[i];
      if (findings[index] === 0) this.test(index + this.origin, search);
      if (findings[index] === found) kept[count++] = index;
    }
    return count === indices.length ? indices : kept.slice(0, count);
  }

  /** What is known of `needle` in each row: kept for a few needles while the rows stay the same. */
  private findings(needle: string): Recent {
    let search = this.recent.find((entry) => entry.needle === needle);
    if (!search) {
      search = { needle, findings: new Uint8Array(this.count), find: finder(needle) };
      this.recent.unshift(search);
      if (this.recent.length > recentNeedles) this.recent.pop();
    }
    return search;
  }

  private test(position: number, { needle, find, findings }: Recent): void {
    const block = this.block(position >> blockShift);
    const base = block.from - this.origin;
    scanBlock(block, needle, find, findings, base, this.wantedMarks());
    if (findings[position - this.origin] === 0) testRow(block, position - block.from, needle, findings, base);
  }

  /** A mark per store index the next tests visit; undefined when they visit every row. */
  private wantedMarks(): Uint8Array | undefined {
    const expected = this.expected;
    if (!expected) return undefined;
    if (!expected.marks) {
      const marks = new Uint8Array(this.count);
      const indices = expected.indices;
      for (let i = 0; i < indices.length; i++) marks[indices[i]] = 1;
      expected.marks = marks;
    }
    return expected.marks;
  }

  private changed(): void {
    this.part = undefined;
    this.expected = undefined;
    this.recent = [];
  }

  /**
   * The block's joined text, built again when rows were added to or dropped from its range; with `stop`, the
   * building may stop half way (undefined), to go on from there on the next call.
   */
  private block(id: number): SearchBlock;
  private block(id: number, stop: () => boolean): SearchBlock | undefined;
  private block(id: number, stop: () => boolean = () => false): SearchBlock | undefined {
    const from = Math.max(id * blockSize, this.origin);
    const to = Math.min((id + 1) * blockSize, this.origin + this.count);
    const cached = this.blocks.get(id);
    if (cached && cached.from === from && cached.to === to) return cached;
    const part = this.part?.from === from && this.part.to === to ? this.part : { from, to, texts: [] };
    const block = extendBlock(part, this.rows(), from - this.origin, stop);
    if (!block) this.part = part;
    else {
      if (part === this.part) this.part = undefined;
      this.blocks.set(id, block);
    }
    return block;
  }
}
