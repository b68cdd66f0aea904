/**
 * The query language's syntax tree (issue #10). Every node keeps its span in the query text (`start` inclusive,
 * `end` exclusive) so errors, the server/local indicator and click-to-remove can point at the text.
 */

export type Comparison = 'eq' | 'gt' | 'ge' | 'lt' | 'le';

/** A value as written: `text` holds it unquoted; `quoted` values are literal (no wildcard, range or comparison). */
export type TermValue =
  | { readonly kind: 'text'; readonly text: string; readonly quoted: boolean }
  | { readonly kind: 'regex'; readonly source: string; readonly flags: string }
  | { readonly kind: 'range'; readonly from: string; readonly to: string };

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** `value` alone matches any text field; with `field` it matches that field. */
export interface TermNode extends Span {
  readonly kind: 'term';
  readonly field?: string;
  readonly comparison: Comparison;
  readonly value: TermValue;
}

export interface NotNode extends Span {
  readonly kind: 'not';
  readonly child: QueryNode;
}

export interface GroupNode extends Span {
  readonly kind: 'and' | 'or';
  readonly children: readonly QueryNode[];
}

export type QueryNode = TermNode | NotNode | GroupNode;

/** One readable sentence and the span of the offending text. */
export interface QueryError extends Span {
  readonly message: string;
}

export type ParseResult =
  | { readonly ok: true; readonly node: QueryNode | undefined }
  | { readonly ok: false; readonly error: QueryError };
