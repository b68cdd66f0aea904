import type { QueryNode, TermNode } from './ast';
import { topLevelParts } from './plan';

/**
 * True when every row `next` matches is also matched by `previous`, so the rows `previous` kept can be filtered
 * with `next` instead of all rows (typing usually adds a term or extends a word). Conservative: false when unsure.
 * Each top-level part of `previous` must be implied by a part of `next`: the same part, or a free word that
 * contains the previous word. Parts whose meaning moves with the clock (`-15m`, `now`) or that a time budget may
 * cut short (`/regex/`) never count as the same.
 */
export function narrows(previous: QueryNode | undefined, next: QueryNode | undefined): boolean {
  if (!previous) return true;
  if (!next) return false;
  const nextParts = topLevelParts(next);
  return topLevelParts(previous).every((part) => nextParts.some((candidate) => implies(candidate, part)));
}

function implies(next: QueryNode, previous: QueryNode): boolean {
  if (isStable(previous) && sameShape(next, previous)) return true;
  return next.kind === 'term' && previous.kind === 'term' && wordContains(next, previous);
}

/** A free word `next` contains the free word `previous` (case-insensitively), so its rows contain it too. */
function wordContains(next: TermNode, previous: TermNode): boolean {
  if (next.field !== undefined || previous.field !== undefined || next.comparison !== 'eq' || previous.comparison !== 'eq') return false;
  if (next.value.kind !== 'text' || previous.value.kind !== 'text') return false;
  const wanted = needles(previous.value.text, previous.value.quoted);
  if (wanted.length === 0) return true;
  if (wanted.length > 1) return false;
  return needles(next.value.text, next.value.quoted).some((needle) => needle.includes(wanted[0]));
}

/** The lowercase texts a free word requires (an unquoted `*` separates parts that must appear in order). */
function needles(text: string, quoted: boolean): string[] {
  const lower = text.toLowerCase();
  return quoted ? [lower] : lower.split('*').filter((part) => part !== '');
}

function isStable(node: QueryNode): boolean {
  switch (node.kind) {
    case 'term': {
      const value = node.value;
      if (value.kind === 'regex') return false;
      const written = value.kind === 'range' ? [value.from, value.to] : [value.text];
      return !written.some((text) => /^-\d|^now$/i.test(text));
    }
    case 'not':
      return isStable(node.child);
    case 'and':
    case 'or':
      return node.children.every(isStable);
  }
}

/** The same tree, spans aside. */
function sameShape(a: QueryNode, b: QueryNode): boolean {
  return JSON.stringify(a, withoutSpans) === JSON.stringify(b, withoutSpans);
}

function withoutSpans(key: string, value: unknown): unknown {
  return key === 'start' || key === 'end' ? undefined : value;
}
