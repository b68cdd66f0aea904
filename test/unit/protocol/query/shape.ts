import type { QueryNode } from '../../../../src/protocol/query/ast';

/** The tree without spans, for comparing shapes. */
export function shape(node: QueryNode | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'term') return { field: node.field, comparison: node.comparison, value: node.value };
  if (node.kind === 'not') return { not: shape(node.child) };
  return { [node.kind]: node.children.map(shape) };
}
