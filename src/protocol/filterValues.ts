import type { FilterDef, FilterValues } from './streamDefinition';

/** A filter value that asks for nothing: unset, an empty string or an empty list. */
export function isEmptyFilterValue(value: FilterValues[string]): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The keys any one of which satisfies a required filter: its own and its `requiredAlternatives`. */
export function requiredGroup(filter: FilterDef): readonly string[] {
  return [filter.key, ...(filter.requiredAlternatives ?? [])];
}

/** The required filters that neither they nor their alternatives have a value for. */
export function missingRequiredFilters(filters: readonly FilterDef[], values: FilterValues): FilterDef[] {
  return filters.filter((f) => f.required && requiredGroup(f).every((key) => isEmptyFilterValue(values[key])));
}
