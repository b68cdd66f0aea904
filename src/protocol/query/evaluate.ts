import type { JsonValue, LogRow, StreamDefinition } from '../streamDefinition';
import type { QueryError, QueryNode, TermNode } from './ast';
import { resolveField } from './fields';
import { fieldValue } from './fieldValue';
import { maxTestedChars } from './safeRegex';
import { scalarTest, valueText, wildcardMatcher, type ScalarTest, type ValueContext } from './values';

/**
 * A test of one row (by object and store index). `select`, when present, is the same test over many rows at once:
 * of `indices`, those that pass, in order (free words over an index answer that without a call per row).
 */
export type RowPredicate = ((row: LogRow, index: number) => boolean) & { readonly select?: (indices: Uint32Array) => Uint32Array };

/**
 * Where free words look. The default builds each row's lowercase text on demand; the webview passes its row
 * store's cached texts and a whole-store substring scan instead.
 */
export interface FreeTextSource {
  /** Lowercase text of every field of the row. */
  textOf(row: LogRow, index: number): string;
  /** Optional fast path: a test by row index for a lowercase needle, built once per compile. */
  contains?(needle: string): (index: number) => boolean;
  /** Optional with `contains`: of `indices`, those whose text holds `needle`, in order. */
  select?(needle: string, indices: Uint32Array): Uint32Array;
}

/**
 * One field's scalar values numbered per row (the webview's row store keeps them for facets): a field term then
 * tests each distinct value once and every row with one typed-array read, instead of reading the row's field.
 */
export interface NumberedField {
  /** `codes[index]`: the value number of store row `index`; -1 when the row has no scalar value there. */
  readonly codes: Int32Array;
  readonly values: readonly (string | number | boolean)[];
  /** Rows numbered; later rows are read as they are. */
  readonly length: number;
}

export interface EvaluationContext extends ValueContext {
  readonly definition: StreamDefinition;
  readonly freeText?: FreeTextSource;
  /** Numbered values of a top-level field (by `LogRow.fields` key), when the caller keeps them. */
  readonly numbered?: (key: string) => NumberedField | undefined;
}

/** Regex terms stop matching after this much matching time per compiled query, so a pass cannot freeze. */
const regexBudgetMs = 300;
const memoLimit = 200_000;

export interface CompiledQuery {
  readonly predicate: RowPredicate;
  /** True once a regular expression used up its time budget (rows after that did not match it). */
  readonly budgetExceeded: () => boolean;
}

/** Turns a parsed query into a row predicate, or the first term whose value does not fit its field. */
export function compileQuery(node: QueryNode | undefined, context: EvaluationContext): CompiledQuery | { readonly error: QueryError } {
  const budget = { spent: 0, exceeded: false };
  const compiler = new Compiler(context, budget);
  try {
    const predicate = node ? compiler.node(node) : () => true;
    return { predicate, budgetExceeded: () => budget.exceeded };
  } catch (error) {
    if (error instanceof TermError) return { error: error.error };
    throw error;
  }
}

class TermError {
  constructor(readonly error: QueryError) {}
}

const weakText = new WeakMap<LogRow, string>();

/** The default free-text source: every field's text and the row id, lowercase, cached per row object. */
export const rowText: FreeTextSource = {
  textOf(row) {
    let text = weakText.get(row);
    if (text === undefined) {
      text = [row.id, ...Object.values(row.fields).map((value) => (Array.isArray(value) ? JSON.stringify(value) : valueText(value)))].join('\n').toLowerCase();
      weakText.set(row, text);
    }
    return text;
  },
};

class Compiler {
  private readonly freeText: FreeTextSource;

  constructor(
    private readonly context: EvaluationContext,
    private readonly budget: { spent: number; exceeded: boolean },
  ) {
    this.freeText = context.freeText ?? rowText;
  }

  node(node: QueryNode): RowPredicate {
    switch (node.kind) {
      case 'term':
        return node.field === undefined ? this.freeTerm(node) : this.fieldTerm(node, node.field);
      case 'not': {
        const child = this.node(node.child);
        return (row, index) => !child(row, index);
      }
      case 'and':
        return allOf(node.children.map((child) => this.node(child)));
      case 'or':
        return anyOf(node.children.map((child) => this.node(child)));
    }
  }

  private freeTerm(term: TermNode): RowPredicate {
    const value = term.value;
    if (value.kind === 'regex') return this.freeRegex(value.source, value.flags);
    const text = value.kind === 'text' ? value.text.toLowerCase() : '';
    const parts = value.kind === 'text' && !value.quoted ? text.split('*').filter((part) => part !== '') : [text];
    if (parts.length === 0) return () => true;
    const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
    const quick = this.freeText.contains?.(longest);
    const { select } = this.freeText;
    if (parts.length === 1 && quick) return withSelect((_, index) => quick(index), select && ((indices) => select(longest, indices)));
    if (parts.length === 1) return (row, index) => this.freeText.textOf(row, index).includes(longest);
    const inOrder = wildcardMatcher(`*${parts.join('*')}*`);
    return (row, index) => (!quick || quick(index)) && inOrder(this.freeText.textOf(row, index));
  }

  private freeRegex(source: string, flags: string): RowPredicate {
    const test = this.timed(scalarTest({ kind: 'term', comparison: 'eq', value: { kind: 'regex', source, flags }, start: 0, end: 0 }, 'any', this.context) as ScalarTest);
    return (row) => test(row.id) || Object.values(row.fields).some((value) => testJson(value, test));
  }

  private fieldTerm(term: TermNode, field: string): RowPredicate {
    const ref = resolveField(field, this.context.definition);
    if (ref.option) return () => true;
    const test = scalarTest(term, ref.kind, this.context);
    if (typeof test === 'string') throw new TermError({ message: test, start: term.start, end: term.end });
    const memoised = memoise(term.value.kind === 'regex' ? this.timed(test) : test);
    const read: RowPredicate = (row) => testJson(fieldValue(row, ref), memoised);
    const numbered = ref.path.length === 0 && ref.virtual === undefined ? this.context.numbered?.(ref.key) : undefined;
    return numbered ? byNumber(numbered, memoised, read) : read;
  }

  private timed(test: ScalarTest): ScalarTest {
    const budget = this.budget;
    return (value) => {
      if (budget.exceeded) return false;
      const start = performance.now();
      const result = test(typeof value === 'string' ? value.slice(0, maxTestedChars) : value);
      budget.spent += performance.now() - start;
      budget.exceeded = budget.spent > regexBudgetMs;
      return result;
    };
  }
}

/** Plain loops: this runs for every row on every keystroke. When every child selects in bulk, so does the AND. */
function allOf(children: readonly RowPredicate[]): RowPredicate {
  const test: RowPredicate = (row, index) => {
    for (let i = 0; i < children.length; i++) if (!children[i](row, index)) return false;
    return true;
  };
  if (!children.every((child) => child.select)) return test;
  return withSelect(test, (indices) => children.reduce((kept, child) => (child.select as (indices: Uint32Array) => Uint32Array)(kept), indices));
}

function withSelect(test: (row: LogRow, index: number) => boolean, select: ((indices: Uint32Array) => Uint32Array) | undefined): RowPredicate {
  return select ? Object.assign(test, { select }) : test;
}

function anyOf(children: readonly RowPredicate[]): RowPredicate {
  return (row, index) => {
    for (let i = 0; i < children.length; i++) if (children[i](row, index)) return true;
    return false;
  };
}

/** `test` over numbered values: each value number is tested once, on first sight; rows without a number are `read`. */
function byNumber(field: NumberedField, test: ScalarTest, read: RowPredicate): RowPredicate {
  const { codes, values, length } = field;
  /** Per value number: 0 not tested yet, 1 matches, 2 does not. */
  const known = new Uint8Array(values.length);
  return (row, index) => {
    const code = index < length ? codes[index] : -1;
    if (code < 0 || code >= known.length) return read(row, index);
    let result = known[code];
    if (result === 0) known[code] = result = test(values[code]) ? 1 : 2;
    return result === 1;
  };
}

/** Arrays match when any element does. */
function testJson(value: JsonValue | undefined, test: ScalarTest): boolean {
  return Array.isArray(value) ? value.some((item) => testJson(item, test)) : test(value);
}

/** Field values repeat a lot (methods, paths, ips): each distinct string is tested once per compile. */
function memoise(test: ScalarTest): ScalarTest {
  const seen = new Map<string, boolean>();
  return (value) => {
    if (typeof value !== 'string') return test(value);
    let result = seen.get(value);
    if (result === undefined) {
      result = test(value);
      if (seen.size >= memoLimit) seen.clear();
      seen.set(value, result);
    }
    return result;
  };
}

