import type { SavedView } from '../protocol/savedView';
import type { ProviderKind, StreamId } from '../protocol/streamDefinition';
import type { Services } from '../services';
import type { WorkspaceView } from './workspaceViews';

/** A view wherever it is stored: saved in this VS Code under an account, or shared in the workspace. */
export type ViewRef = { readonly kind: 'account'; readonly view: SavedView } | { readonly kind: 'workspace'; readonly view: WorkspaceView };

/** The id a panel carries in `PanelIdentity.viewId`. */
export function panelViewId(ref: ViewRef): string {
  return ref.kind === 'account' ? `account:${ref.view.id}` : ref.view.id;
}

/** Finds a view by the id a panel carries; undefined once it was deleted (or its file changed). */
export function findView(services: Services, viewId: string): ViewRef | undefined {
  if (viewId.startsWith('account:')) {
    const view = services.views.get(viewId.slice('account:'.length));
    return view ? { kind: 'account', view } : undefined;
  }
  const view = services.workspaceViews.get(viewId);
  return view ? { kind: 'workspace', view } : undefined;
}

/** The views shown under one stream of one account: its own, then the workspace's that fit the stream. */
export function viewsForStream(services: Services, accountId: string, provider: ProviderKind, streamId: StreamId): ViewRef[] {
  const own = services.views.forStream(accountId, provider, streamId).map((view): ViewRef => ({ kind: 'account', view }));
  const shared = services.workspaceViews
    .list()
    .filter((view) => view.provider === provider && view.streamId === streamId)
    .map((view): ViewRef => ({ kind: 'workspace', view }));
  return [...own, ...shared];
}
