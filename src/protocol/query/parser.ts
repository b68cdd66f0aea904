import type { Comparison, ParseResult, QueryError, QueryNode, TermNode, TermValue } from './ast';
import { regexProblem } from './safeRegex';
import { endsWord, fieldNamePattern, maxQueryLength, scanQuoted, scanRegex, scanWord } from './scanner';

const maxDepth = 32;
const comparisons: readonly [string, Comparison][] = [['>=', 'ge'], ['<=', 'le'], ['>', 'gt'], ['<', 'lt'], ['=', 'eq']];

class Failure {
  constructor(readonly error: QueryError) {}
}

/**
 * Recursive descent over `or := and ('OR' and)*`, `and := unary+`, `unary := ('-' | 'NOT ') primary`,
 * `primary := '(' or ')' | term`. `AND` between terms is allowed and implied. Never throws: every problem is a
 * `QueryError` naming the offending span.
 */
export function parseQuery(query: string): ParseResult {
  if (query.length > maxQueryLength) {
    return { ok: false, error: { message: `The query is longer than ${maxQueryLength} characters.`, start: maxQueryLength, end: query.length } };
  }
  try {
    const parser = new Parser(query);
    return { ok: true, node: parser.parseAll() };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, error: error.error };
    throw error;
  }
}

class Parser {
  private at = 0;
  private depth = 0;

  constructor(private readonly query: string) {}

  parseAll(): QueryNode | undefined {
    this.skipSpace();
    if (this.at >= this.query.length) return undefined;
    const node = this.parseOr();
    if (this.peek() === ')') this.fail('There is no ( for this ).', this.at, this.at + 1);
    return node;
  }

  private parseOr(): QueryNode {
    const start = this.at;
    const children = [this.parseAnd()];
    while (this.keyword('OR')) {
      const orAt = this.at;
      this.at += 2;
      this.skipSpace();
      if (this.atGroupEnd()) this.fail('OR needs a term after it.', orAt, orAt + 2);
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0] : { kind: 'or', children, start, end: this.lastEnd(children) };
  }

  private parseAnd(): QueryNode {
    const start = this.at;
    if (this.keyword('OR')) this.fail('OR needs a term before it.', this.at, this.at + 2);
    const children: QueryNode[] = [];
    while (!this.atGroupEnd() && !this.keyword('OR')) {
      if (this.keyword('AND')) {
        const andAt = this.at;
        this.at += 3;
        this.skipSpace();
        if (children.length === 0 || this.atGroupEnd() || this.keyword('OR')) this.fail('AND needs a term on each side.', andAt, andAt + 3);
      }
      children.push(this.parseUnary());
      this.skipSpace();
    }
    if (children.length === 0) this.fail('There is no ( for this ).', this.at, this.at + 1);
    return children.length === 1 ? children[0] : { kind: 'and', children, start, end: this.lastEnd(children) };
  }

  private parseUnary(): QueryNode {
    const start = this.at;
    let negated = false;
    if (this.atMinusNegation()) {
      negated = true;
      this.at++;
    } else if (this.keyword('NOT')) {
      negated = true;
      this.at += 3;
      this.skipSpace();
      if (this.atGroupEnd() || this.keyword('OR')) this.fail('NOT needs a term after it.', start, start + 3);
    }
    // `NOT -a` negates `-a` as `-(-a)` does, so a printed query reads back the same.
    const child = negated && this.atMinusNegation() ? this.parseUnary() : this.parsePrimary();
    return negated ? { kind: 'not', child, start, end: child.end } : child;
  }

  private atMinusNegation(): boolean {
    return this.peek() === '-' && /[^\s)\d-]/.test(this.query[this.at + 1] ?? ' ');
  }

  private parsePrimary(): QueryNode {
    if (this.peek() !== '(') return this.parseTerm();
    const open = this.at;
    if (++this.depth > maxDepth) this.fail(`Parentheses nest deeper than ${maxDepth} levels.`, open, open + 1);
    this.at++;
    this.skipSpace();
    if (this.peek() === ')') this.fail('These parentheses hold no term.', open, this.at + 1);
    if (this.at >= this.query.length) this.fail('This ( is not closed.', open, open + 1);
    const inner = this.parseOr();
    this.skipSpace();
    if (this.peek() !== ')') this.fail('This ( is not closed.', open, open + 1);
    this.at++;
    this.depth--;
    return { ...inner, start: open, end: this.at };
  }

  private parseTerm(): TermNode {
    const start = this.at;
    const head = scanWord(this.query, start);
    const colon = head.text.indexOf(':');
    const name = colon > 0 ? head.text.slice(0, colon) : '';
    if (colon > 0 && fieldNamePattern.test(name)) {
      this.at = start + colon + 1;
      return this.parseFieldValue(name, start);
    }
    const value = this.parseValue(start, { regex: true, range: false });
    return { kind: 'term', comparison: 'eq', value, start, end: this.at };
  }

  private parseFieldValue(field: string, start: number): TermNode {
    const rest = this.query.slice(this.at);
    const op = comparisons.find(([text]) => rest.startsWith(text));
    const comparison = op?.[1] ?? 'eq';
    if (op) this.at += op[0].length;
    if (endsWord(this.query[this.at]) && this.peek() !== '"') {
      this.fail(`${field}: needs a value after ${op?.[0] ?? 'the colon'}.`, start, this.at);
    }
    const value = this.parseValue(this.at, { regex: comparison === 'eq', range: comparison === 'eq' });
    return { kind: 'term', field, comparison, value, start, end: this.at };
  }

  private parseValue(start: number, allow: { readonly regex: boolean; readonly range: boolean }): TermValue {
    const c = this.query[start];
    if (c === '"') {
      const quoted = scanQuoted(this.query, start);
      if (!quoted) this.fail('This quote is not closed.', start, start + 1);
      this.at = quoted.end;
      return { kind: 'text', text: quoted.text, quoted: true };
    }
    const regex = c === '/' && allow.regex ? scanRegex(this.query, start) : undefined;
    if (regex) {
      this.at = regex.end;
      return checkedRegex(regex.source, regex.flags, start, regex.end);
    }
    const word = scanWord(this.query, start);
    this.at = word.end;
    const dots = allow.range ? word.text.indexOf('..') : -1;
    if (dots < 0) return { kind: 'text', text: word.text, quoted: false };
    const [from, to] = [word.text.slice(0, dots), word.text.slice(dots + 2)];
    if (from === '' || to === '' || to.includes('..')) this.fail('A range needs one value on each side of .., like 400..499.', start, word.end);
    return { kind: 'range', from, to };
  }

  private fail(message: string, start: number, end: number): never {
    throw new Failure({ message, start, end: Math.max(end, start + 1) });
  }

  private keyword(word: string): boolean {
    return this.query.startsWith(word, this.at) && endsWord(this.query[this.at + word.length]);
  }

  private atGroupEnd(): boolean {
    return this.at >= this.query.length || this.peek() === ')';
  }

  private peek(): string | undefined {
    return this.query[this.at];
  }

  private skipSpace(): void {
    while (this.at < this.query.length && /\s/.test(this.query[this.at])) this.at++;
  }

  private lastEnd(children: readonly QueryNode[]): number {
    return children[children.length - 1].end;
  }
}

function checkedRegex(source: string, flags: string, start: number, end: number): TermValue {
  const problem = regexProblem(source, flags);
  if (problem) throw new Failure({ message: problem, start, end });
  return { kind: 'regex', source, flags };
}
