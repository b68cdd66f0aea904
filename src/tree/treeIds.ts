import type { ProviderKind, StreamId } from '../protocol/streamDefinition';

/** Stable hierarchical tree ids: they keep expansion state across refreshes and let `reveal` find nodes. */
export function accountNodeId(accountId: string): string {
  return `/accounts/${accountId}`;
}

export function connectionNodeId(accountId: string, provider: ProviderKind): string {
  return `${accountNodeId(accountId)}/providers/${provider}`;
}

export function streamNodeId(accountId: string, provider: ProviderKind, streamId: StreamId): string {
  return `${connectionNodeId(accountId, provider)}/streams/${streamId}`;
}

/** Case-insensitive, locale-aware order by label, the order every list in the tree uses. */
export function byLabel<T>(label: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => label(a).localeCompare(label(b), undefined, { sensitivity: 'base', numeric: true });
}
