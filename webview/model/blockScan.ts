import type { SearchBlock } from './searchBlock';

/** What a free-text test knows of each row, by store index: 0 not tested yet, 1 the needle is in its text, 2 not. */
export type Findings = Uint8Array;

export const found = 1;
export const absent = 2;

/** Where the needle is first found in a text from a position on, or -1. */
export type Find = (text: string, from: number) => number;

/**
 * From this length on a printable-ASCII needle is searched with a case-insensitive RegExp: V8's irregexp skips
 * through the text Boyer-Moore style where `indexOf` stops at every occurrence of the first character (in headless
 * Chromium over 1,000,000 rows: "room-1" 90 -> 72 ms, "room-12" 64 -> 47 ms of main-thread CPU a key). On text
 * already lowercase, `i` changes nothing for such a needle: no other character folds onto a printable ASCII one.
 * Shorter needles are found faster by `indexOf`.
 */
const regexFrom = 6;

/** How to find `needle` (lowercase) in the lowercase block texts. */
export function finder(needle: string): Find {
  if (needle.length < regexFrom || !/^[\x20-\x7e]*$/.test(needle)) return (text, from) => text.indexOf(needle, from);
  const pattern = new RegExp(needle.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'gi');
  return (text, from) => {
    pattern.lastIndex = from;
    return pattern.test(text) ? pattern.lastIndex - needle.length : -1;
  };
}

/**
 * A search that reads more than this many unwanted rows per wanted one before its next hit makes the block's
 * remaining wanted rows be tested one by one (reading only their own text) instead: a test of one row costs
 * about what reading three rows in a search does.
 */
const wasteLimit = 3;

/**
 * Tests the rows of `block` (its first row is store index `base`) that `wanted` marks (all when undefined).
 * `indexOf` from a wanted row's start finds the next hit, which settles every row it passed, and the search goes
 * on at the next wanted row, so a needle in most wanted rows costs one short search each. When hits are far
 * apart the unwanted rows between them would be read for nothing, so the rest is tested row by row.
 */
export function scanBlock(block: SearchBlock, needle: string, find: Find, findings: Findings, base: number, wanted?: Uint8Array): void {
  const { text, starts } = block;
  const count = block.to - block.from;
  let row = nextToTest(findings, base, wanted, 0, count);
  while (row < count) {
    const at = find(text, starts[row]);
    const hit = at < 0 ? count : rowOf(starts, row, at);
    let unwanted = 0;
    for (let r = row; r < hit; r++) {
      if (findings[base + r] === 0) findings[base + r] = absent;
      if (wanted !== undefined && wanted[base + r] === 0) unwanted++;
    }
    if (hit < count) findings[base + hit] = found;
    const settledWanted = hit - row - unwanted + 1;
    row = nextToTest(findings, base, wanted, hit + 1, count);
    if (unwanted > wasteLimit * settledWanted) break;
  }
  for (; row < count; row = nextToTest(findings, base, wanted, row + 1, count)) testRow(block, row, needle, findings, base);
}

/** Tests row `row` of `block` alone, reading only its text. */
export function testRow(block: SearchBlock, row: number, needle: string, findings: Findings, base: number): void {
  findings[base + row] = block.text.slice(block.starts[row], block.starts[row + 1] - 1).includes(needle) ? found : absent;
}

/** The first row from `row` on that is wanted and not tested yet (`count` when none). */
function nextToTest(findings: Findings, base: number, wanted: Uint8Array | undefined, row: number, count: number): number {
  while (row < count && (findings[base + row] !== 0 || (wanted !== undefined && wanted[base + row] === 0))) row++;
  return row;
}

/** The row (from `row` on) whose text holds character `at`. */
function rowOf(starts: Uint32Array, row: number, at: number): number {
  while (starts[row + 1] <= at) row++;
  return row;
}
