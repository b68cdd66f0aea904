import { scanRegex } from './scanner';

/**
 * Builds query text that other features (facets, brushing, CodeLens, Find Related) add to a panel's query, so the
 * user sees and can edit every term. The syntax is the query language's (issue #10): `field:value`, `-field:value`.
 */

/**
 * Values that would not read back as the same literal when bare: characters that end a word, wildcards, ranges,
 * comparison operators, keywords and a leading `-`.
 */
const needsQuotes = /[\s"():\\*]|\.\.|^$|^-|^[<>=]|^OR$|^AND$|^NOT$/i;

/** A value as the query language reads it back: bare when safe, otherwise a double-quoted string with escapes. */
export function quoteValue(value: string): string {
  const bare = !needsQuotes.test(value) && scanRegex(value, 0) === undefined;
  return bare ? value : `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** Like `needsQuotes`, but `*` stays a wildcard. */
const patternNeedsQuotes = /[\s"():\\]|\.\.|^$|^-|^[<>=]|^OR$|^AND$|^NOT$/i;

/**
 * `field:pattern` where `*` in the pattern is a wildcard (`path:/v1/rooms/*` + `/presence`). A pattern that cannot stay
 * bare is quoted, and then matches literally.
 */
export function patternTermText(field: string, pattern: string): string {
  const bare = !patternNeedsQuotes.test(pattern) && scanRegex(pattern, 0) === undefined;
  return bare ? `${field}:${pattern}` : termText(field, pattern);
}

/** One `field:value` term (or `-field:value` with `negate`). */
export function termText(field: string, value: string, options: { readonly negate?: boolean } = {}): string {
  return `${options.negate ? '-' : ''}${field}:${quoteValue(value)}`;
}

/**
 * `query AND term`. A query with a top-level `OR` is wrapped in parentheses first, so the new term narrows the
 * whole query instead of only its last alternative. A term already present is not added twice.
 */
export function withTerm(query: string, term: string): string {
  const trimmed = query.trim();
  if (trimmed === '') return term;
  if (` ${trimmed} `.includes(` ${term} `)) return trimmed;
  const base = hasTopLevelOr(trimmed) ? `(${trimmed})` : trimmed;
  return `${base} ${term}`;
}

function hasTopLevelOr(query: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /^\sOR\s/.test(query.slice(i, i + 4))) return true;
  }
  return false;
}
