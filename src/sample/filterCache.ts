/** Filtered lists by filter key, so paging through a large data set does not re-filter it on every page. */
export class FilterCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxEntries = 64) {}

  get(key: string, compute: () => T): T {
    let value = this.entries.get(key);
    if (value === undefined) {
      if (this.entries.size >= this.maxEntries) {
        this.entries.clear();
      }
      value = compute();
      this.entries.set(key, value);
    }
    return value;
  }
}

/** The values of the named parameters, in a stable order, as a cache key. */
export function filterKey(query: URLSearchParams, names: readonly string[]): string {
  return names.map((name) => `${name}=${query.getAll(name).join(',')}`).join('&');
}

const indexes = new WeakMap<readonly unknown[], Map<string, number>>();

/** Position of the item with this id (-1 when absent), through an index built once per list. */
export function indexOfId<T>(items: readonly T[], id: string, idOf: (item: T) => string): number {
  let index = indexes.get(items);
  if (!index) {
    index = new Map(items.map((item, position) => [idOf(item), position]));
    indexes.set(items, index);
  }
  return index.get(id) ?? -1;
}
