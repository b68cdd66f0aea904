import type { Comparison, QueryNode, TermNode, TermValue } from './ast';

const operators: Readonly<Record<Comparison, string>> = { eq: '', gt: '>', ge: '>=', lt: '<', le: '<=' };

/** Query text that parses back to the same tree (spans aside). */
export function printQuery(node: QueryNode | undefined): string {
  if (!node) return '';
  switch (node.kind) {
    case 'term':
      return printTerm(node);
    case 'not':
      return `-${node.child.kind === 'term' && !/^[\d-]/.test(printTerm(node.child)) ? printTerm(node.child) : `(${printQuery(node.child)})`}`;
    case 'and':
    case 'or':
      return node.children.map((child) => printChild(node.kind, child)).join(node.kind === 'or' ? ' OR ' : ' ');
  }
}

function printChild(parent: 'and' | 'or', child: QueryNode): string {
  const wrap = child.kind === parent || (parent === 'and' && child.kind === 'or');
  return wrap ? `(${printQuery(child)})` : printQuery(child);
}

export function printTerm(term: TermNode): string {
  const value = printValue(term.value);
  // `a:=>` holds the value `>`: keep the `=` so it is not read as a comparison.
  const operator = term.comparison === 'eq' && /^[<>=]/.test(value) ? '=' : operators[term.comparison];
  return (term.field === undefined ? '' : `${term.field}:${operator}`) + value;
}

export function printValue(value: TermValue): string {
  switch (value.kind) {
    case 'text':
      return value.quoted ? `"${value.text.replace(/["\\]/g, (c) => `\\${c}`)}"` : value.text;
    case 'regex':
      return `/${value.source}/${value.flags}`;
    case 'range':
      return `${value.from}..${value.to}`;
  }
}
