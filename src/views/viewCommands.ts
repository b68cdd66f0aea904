import * as vscode from 'vscode';
import { providerLabels } from '../auth/account';
import type { LogTablePanel } from '../panel/logTablePanel';
import type { PanelManager } from '../panel/panelManager';
import type { ViewSpec } from '../protocol/savedView';
import type { Services } from '../services';
import { streamDefinitionsFor } from '../providers/providerRegistry';
import type { ViewRef } from './viewRefs';
import { findView, panelViewId } from './viewRefs';

/** A saved-view tree node, or anything with the same fields. */
export interface ViewTarget {
  readonly accountId?: string;
  readonly ref: ViewRef;
}

/** What the panel shows now, as a view named `name`. */
export function specOf(panel: LogTablePanel, name: string): ViewSpec {
  const { provider, streamId, filters, query, timeRange } = panel.identity;
  return { name, provider, streamId, filters, query: query ?? '', ...(timeRange ? { timeRange } : {}), layout: panel.layout };
}

/** The panel Save acts on: the one given (tests), else the active one. */
export function targetPanel(panels: PanelManager, panel?: LogTablePanel): LogTablePanel {
  const chosen = panel ?? panels.active();
  if (!chosen) throw new Error('Open a log stream first: Save View stores what its panel shows.');
  return chosen;
}

/** Save: updates the view the panel shows; a panel that shows no saved view of this VS Code asks for a name. */
export async function saveView(services: Services, panels: PanelManager, panel?: LogTablePanel): Promise<void> {
  const target = targetPanel(panels, panel);
  const ref = target.identity.viewId ? findView(services, target.identity.viewId) : undefined;
  if (ref?.kind !== 'account') return saveViewAs(services, panels, target);
  await services.views.update(ref.view.id, specOf(target, ref.view.name));
  void vscode.window.setStatusBarMessage(`Saved view "${ref.view.name}"`, 3000);
}

/** Save As: a new view of the panel's account; the panel shows that view from now on. */
export async function saveViewAs(services: Services, panels: PanelManager, panel?: LogTablePanel): Promise<void> {
  const target = targetPanel(panels, panel);
  const { accountId, provider, streamId } = target.identity;
  const taken = new Set(services.views.forStream(accountId, provider, streamId).map((view) => view.name));
  const current = target.identity.viewId ? findView(services, target.identity.viewId)?.view.name : undefined;
  const name = await askViewName(services, current ? `${current} copy` : suggestedName(target), taken);
  const view = await services.views.add(accountId, specOf(target, name));
  panels.showsView(target, panelViewId({ kind: 'account', view }));
}

/** What the name prompt says; a timeline's differs from a stream view's. */
export interface NamePrompt {
  readonly title: string;
  readonly prompt: string;
  /** Ends "A view named "x" already exists …". */
  readonly takenWhere: string;
}

const viewNamePrompt: NamePrompt = {
  title: 'Name the view',
  prompt: 'A name for this stream, query, time range and column layout',
  takenWhere: 'for this stream',
};

export async function askViewName(services: Services, value: string, taken: ReadonlySet<string>, texts = viewNamePrompt): Promise<string> {
  const name = await services.prompter.input('viewName', {
    title: texts.title,
    prompt: texts.prompt,
    value,
    validateInput: (text) => {
      const trimmed = text.trim();
      if (trimmed === '') return 'Enter a name.';
      if (trimmed.length > 100) return 'Use at most 100 characters.';
      return taken.has(trimmed) ? `A view named "${trimmed}" already exists ${texts.takenWhere}.` : undefined;
    },
  });
  if (name === undefined) throw new vscode.CancellationError();
  return name.trim();
}

function suggestedName(panel: LogTablePanel): string {
  const query = panel.identity.query?.trim();
  return query ? query.slice(0, 60) : panel.definition.label;
}

/** Opens a view (reveals its panel when open). A shared view needs a connection: the node's, or one the user picks. */
export async function openView(services: Services, panels: PanelManager, target?: ViewTarget): Promise<LogTablePanel> {
  const chosen = target ?? (await pickView(services));
  const accountId = await accountOfView(services, chosen);
  const { provider, streamId, filters, query, timeRange, layout } = chosen.ref.view;
  if (!services.accounts.connection(accountId, provider)) throw new Error('That connection no longer exists.');
  const identity = { accountId, provider, streamId, filters, query, ...(timeRange ? { timeRange } : {}), viewId: panelViewId(chosen.ref) };
  return panels.createOrShow(identity, layout);
}

/** The account a view is opened (or watched) with: its own, the node's for a shared view, or one the user picks. */
export async function accountOfView(services: Services, target: ViewTarget): Promise<string> {
  return target.ref.kind === 'account' ? target.ref.view.accountId : (target.accountId ?? (await pickConnection(services, target.ref.view)));
}

export async function pickView(services: Services, title = 'Open a saved view'): Promise<ViewTarget> {
  const items = [
    ...services.views.list().map((view) => ({ ref: { kind: 'account', view } as ViewRef, description: services.accounts.get(view.accountId)?.name })),
    ...services.workspaceViews.list().map((view) => ({ ref: { kind: 'workspace', view } as ViewRef, description: 'workspace' })),
  ].map(({ ref, description }) => ({
    label: ref.view.name,
    description: [description, `${providerLabels[ref.view.provider]} · ${streamLabel(ref.view)}`].filter(Boolean).join(' · '),
    detail: ref.view.query || undefined,
    ref,
  }));
  if (items.length === 0) throw new Error('There are no saved views yet. Open a stream and use "API Logs: Save View".');
  const picked = await services.prompter.pick('view', items, { title, placeHolder: 'View', matchOnDetail: true });
  if (!picked) throw new vscode.CancellationError();
  return { ref: picked.ref };
}

/** The account whose connection opens a shared view; asks when several connections fit. */
async function pickConnection(services: Services, view: ViewSpec): Promise<string> {
  const fitting = services.accounts.list().filter((account) => account.connections.some((c) => c.provider === view.provider));
  if (fitting.length === 0) throw new Error(`"${view.name}" needs a ${providerLabels[view.provider]} connection. Add one first.`);
  if (fitting.length === 1) return fitting[0].id;
  const picked = await services.prompter.pick(
    'connection',
    fitting.map((account) => ({ label: account.name, description: providerLabels[view.provider], accountId: account.id })),
    { title: `Open "${view.name}" with which connection?`, placeHolder: 'Connection' },
  );
  if (!picked) throw new vscode.CancellationError();
  return picked.accountId;
}

export function streamLabel(view: Pick<ViewSpec, 'provider' | 'streamId'>): string {
  return streamDefinitionsFor(view.provider).find((definition) => definition.id === view.streamId)?.label ?? view.streamId;
}
