import type { StreamDefinition } from '../streamDefinition';
import type { QueryNode, TermNode } from './ast';
import { resolveField } from './fields';
import { maxTestedChars } from './safeRegex';

/** `[start, end)` offsets into a shown text. */
export type Range = readonly [number, number];

/** Which parts of a shown value the query matched; `field` undefined for free-text cells. */
export type Highlighter = (text: string, field: string | undefined) => readonly Range[];

/** `find` gets the shown text and its lowercase form. */
type Mark = { readonly field?: string; readonly find: (text: string, lower: string) => Range[] };

const maxRanges = 50;
const none: readonly Range[] = [];

/**
 * The matched parts of shown text: free words and phrases anywhere, a field term's literal parts (or the whole
 * value for comparisons) in that field, regex matches. Terms under a negation, and time terms, are not
 * highlighted. The grid asks for every cell it paints, so the marks of each field are picked once and the text is
 * lowercased once.
 */
export function highlighterFor(node: QueryNode | undefined, definition: StreamDefinition): Highlighter {
  const marks: Mark[] = [];
  collect(node, definition, marks);
  if (marks.length === 0) return () => none;
  const byField = new Map<string | undefined, readonly Mark[]>();
  return (text, field) => {
    let applying = byField.get(field);
    if (!applying) byField.set(field, (applying = marks.filter((m) => m.field === undefined || m.field === field)));
    if (applying.length === 0 || text === '') return none;
    const lower = text.toLowerCase();
    const found = applying.length === 1 ? applying[0].find(text, lower) : applying.flatMap((m) => m.find(text, lower));
    return found.length > 1 ? merge(found) : found;
  };
}

function collect(node: QueryNode | undefined, definition: StreamDefinition, marks: Mark[]): void {
  if (!node || node.kind === 'not') return;
  if (node.kind !== 'term') {
    for (const child of node.children) collect(child, definition, marks);
    return;
  }
  const field = node.field === undefined ? undefined : resolveField(node.field, definition);
  // A time term marks nothing: it would colour every shown time cell whole (a brushed range, Show Around This Time).
  if (field && (field.path.length > 0 || field.option || field.virtual === 'severity' || field.virtual === 'time')) return;
  marks.push({ field: field?.key, find: finder(node) });
}

function finder(term: TermNode): Mark['find'] {
  const value = term.value;
  if (value.kind === 'regex') return regexRanges(value.source, value.flags);
  if (value.kind === 'range' || term.comparison !== 'eq') return whole;
  const parts = (value.quoted ? [value.text] : value.text.split('*')).filter((part) => part !== '').map((part) => part.toLowerCase());
  if (parts.length === 0) return whole;
  if (parts.length === 1) return (_, lower) => occurrences(lower, parts[0]);
  return (_, lower) => parts.flatMap((part) => occurrences(lower, part));
}

const whole = (text: string): Range[] => (text === '' ? [] : [[0, text.length]]);

function occurrences(text: string, part: string): Range[] {
  const out: Range[] = [];
  for (let at = text.indexOf(part); at >= 0 && out.length < maxRanges; at = text.indexOf(part, at + part.length)) out.push([at, at + part.length]);
  return out;
}

function regexRanges(source: string, flags: string): Mark['find'] {
  const regex = new RegExp(source, `${flags.replace(/[gy]/g, '')}g`);
  return (text) => {
    const out: Range[] = [];
    regex.lastIndex = 0;
    const tested = text.slice(0, maxTestedChars);
    for (let match = regex.exec(tested); match && out.length < maxRanges; match = regex.exec(tested)) {
      if (match[0] === '') regex.lastIndex++;
      else out.push([match.index, match.index + match[0].length]);
    }
    return out;
  };
}

/** Sorted, non-overlapping ranges. */
function merge(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}
