import * as vscode from 'vscode';
import { providerLabels } from '../auth/account';
import type { TimelineIdentity, TimelineSourceRef } from '../protocol/logTable';
import type { FilterValues, ProviderKind, StreamId } from '../protocol/streamDefinition';
import { streamDefinitionsFor } from '../providers/providerRegistry';
import type { Services } from '../services';
import type { TimelineManager } from './timelineManager';
import type { TimelinePanel } from './timelinePanel';
import { maxTimelineSources } from './timelineSchemas';

/** A stream node, a saved-view node (its stream and server filters) or a plain object naming a stream. */
interface StreamLike {
  readonly accountId?: string;
  readonly provider?: ProviderKind;
  readonly streamId?: StreamId;
  readonly ref?: { readonly view: { readonly provider: ProviderKind; readonly streamId: StreamId; readonly filters: FilterValues } };
}

/** *Open Timeline…*: a timeline over the given streams, or over streams picked from every account. */
export async function openTimeline(services: Services, timelines: TimelineManager, sources?: readonly TimelineSourceRef[]): Promise<TimelinePanel> {
  const chosen = sources && sources.length > 0 ? sources : await pickStreams(services);
  const identity: TimelineIdentity = { kind: 'timeline', sources: chosen.slice(0, maxTimelineSources) };
  return timelines.createOrShow(identity);
}

/** *Open Together* on the tree's selection: the clicked node plus every selected stream or view node. */
export function openTogether(services: Services, timelines: TimelineManager, clicked?: StreamLike, selected?: readonly StreamLike[]): Promise<TimelinePanel> {
  const nodes = selected && selected.length > 0 ? selected : clicked ? [clicked] : [];
  const refs = nodes.map(toSourceRef).filter((ref): ref is TimelineSourceRef => ref !== undefined);
  if (refs.length === 0) throw new Error('Select one or more log streams or views in the API Logs tree first.');
  return openTimeline(services, timelines, refs);
}

function toSourceRef(node: StreamLike): TimelineSourceRef | undefined {
  if (!node.accountId) return undefined;
  if (node.ref?.view) {
    const { provider, streamId, filters } = node.ref.view;
    return { accountId: node.accountId, provider, streamId, filters };
  }
  return node.provider && node.streamId ? { accountId: node.accountId, provider: node.provider, streamId: node.streamId } : undefined;
}

/** Every stream of every connection that can be read without a filter (Daily meeting logs need a session). */
async function pickStreams(services: Services): Promise<TimelineSourceRef[]> {
  const items = services.accounts.list().flatMap((account) =>
    account.connections.flatMap(({ provider }) =>
      streamDefinitionsFor(provider)
        .filter((definition) => !definition.filters.some((filter) => filter.required))
        .map((definition) => ({
          label: `${providerLabels[provider]} · ${definition.label}`,
          description: account.name,
          ref: { accountId: account.id, provider, streamId: definition.id },
        })),
    ),
  );
  if (items.length === 0) throw new Error('There are no provider connections yet. Use "API Logs: Add Provider Connection" first.');
  const picked = await services.prompter.pickMany('streams', items, {
    title: `Open a timeline: pick up to ${maxTimelineSources} log streams to merge`,
    placeHolder: 'Log streams',
  });
  if (!picked || picked.length === 0) throw new vscode.CancellationError();
  return picked.map((item) => item.ref);
}
