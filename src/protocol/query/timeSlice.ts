import type { StreamDefinition } from '../streamDefinition';
import type { QueryNode } from './ast';
import { resolveField, type FieldRef } from './fields';
import { timeBounds, type ValueContext } from './values';

/**
 * The `[from, to)` every row a query keeps must have in one time field (its top-level positive time terms
 * intersected), read as `fieldValue(row, ref)`. Rows kept in time order can then be cut to a slice by binary search
 * before the full predicate runs on it; the predicate still decides every row of the slice.
 */
export interface TimeSlice {
  readonly ref: FieldRef;
  readonly from: number;
  readonly to: number;
}

/** `parts`: the query's top-level parts (an AND's children). */
export function timeSliceOf(parts: readonly QueryNode[], definition: StreamDefinition, context: ValueContext): TimeSlice | undefined {
  let slice: TimeSlice | undefined;
  for (const part of parts) {
    if (part.kind !== 'term' || part.field === undefined || part.value.kind === 'regex') continue;
    const ref = resolveField(part.field, definition);
    if (ref.kind !== 'time' || ref.option || ref.path.length > 0 || (slice && slice.ref.key !== ref.key)) continue;
    const bounds = timeBounds(part, context);
    if (typeof bounds === 'string') continue;
    slice = { ref, from: Math.max(bounds.from, slice?.from ?? -Infinity), to: Math.min(bounds.to, slice?.to ?? Infinity) };
  }
  return slice;
}
