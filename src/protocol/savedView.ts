import type { FilterValues, ProviderKind, StreamId } from './streamDefinition';
import type { TimeRange } from './timeRange';

/** How the table is laid out: what a saved view restores besides the rows it asks for. */
export interface ViewLayout {
  readonly hiddenColumns?: readonly string[];
  /** CSS pixels by column key. */
  readonly columnWidths?: Readonly<Record<string, number>>;
  readonly sort?: { readonly key: string; readonly direction: 'asc' | 'desc' };
}

/**
 * What a saved view asks for, without the account it belongs to: the part a team can share in a workspace file.
 * A relative time range stays relative.
 */
export interface ViewSpec {
  readonly name: string;
  readonly provider: ProviderKind;
  readonly streamId: StreamId;
  readonly filters: FilterValues;
  readonly query: string;
  readonly timeRange?: TimeRange;
  readonly layout: ViewLayout;
}

/** Current version of stored and shared views; older versions are migrated when read. */
export const savedViewVersion = 1;

/** A view saved in this VS Code (globalState), under one account. */
export interface SavedView extends ViewSpec {
  readonly id: string;
  readonly accountId: string;
}
