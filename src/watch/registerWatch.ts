import * as vscode from 'vscode';
import { pickStream } from '../commands/openStream';
import type { OpenStreamTarget } from '../commands/openStream';
import { registerCommand } from '../commands/registerCommand';
import { commandIds, contextKeys } from '../constants';
import type { PanelManager } from '../panel/panelManager';
import type { Services } from '../services';
import type { ViewTarget } from '../views/viewCommands';
import { accountOfView, pickView } from '../views/viewCommands';
import { panelViewId } from '../views/viewRefs';
import { ErrorWatcher, definitionOf } from './errorWatcher';
import type { Watch, WatchTarget } from './watch';
import { newErrorsQuery } from './watch';
import { WatchStatusBar } from './watchStatusBar';

/** Watch for Errors, Stop Watching and Show New Errors, the watcher and its status bar item. */
export interface WatchFeatures {
  readonly watcher: ErrorWatcher;
  readonly statusBar: WatchStatusBar;
}

/** A stream node or target, a saved-view node, or nothing (the palette). */
type CommandTarget = Partial<OpenStreamTarget> & Partial<ViewTarget>;

export function registerWatch(services: Services, panels: PanelManager): WatchFeatures {
  const watcher = new ErrorWatcher(services);
  const statusBar = new WatchStatusBar(watcher);
  const updateContext = () => void vscode.commands.executeCommand('setContext', contextKeys.hasWatches, watcher.list().length > 0);
  services.context.subscriptions.push(watcher, statusBar, watcher.onDidChange(updateContext));
  updateContext();
  registerCommand(services, commandIds.watchForErrors, async (target?: CommandTarget) => {
    const watch = await watcher.watch(await watchTargetOf(services, target));
    void vscode.window.showInformationMessage(`Watching ${watch.label} for errors; new ones show in the status bar.`);
  });
  registerCommand(services, commandIds.stopWatching, async (target?: CommandTarget | string) => {
    const watch = await pickWatch(services, watcher.list(), target, 'Stop watching');
    if (watch) await watcher.stop([watch.id]);
  });
  registerCommand(services, commandIds.showNewErrors, async (id?: string) => {
    const withErrors = watcher.list().filter((watch) => watch.newErrorCount > 0);
    const watch = await pickWatch(services, withErrors.length > 0 ? withErrors : watcher.list(), id, 'Open the new errors of');
    if (!watch) return;
    const { accountId, provider, streamId, filters } = watch.target;
    panels.createOrShow({ accountId, provider, streamId, filters, query: newErrorsQuery(watch, definitionOf(watch.target)) });
    await watcher.markSeen(watch.id);
  });
  return { watcher, statusBar };
}

/** What the command watches: the node's stream or view, else one the user picks (a stream, or a saved view). */
async function watchTargetOf(services: Services, target: CommandTarget | undefined): Promise<WatchTarget> {
  if (target?.ref) return viewTarget(services, { accountId: target.accountId, ref: target.ref });
  const hasViews = services.views.list().length + services.workspaceViews.list().length > 0;
  const kind = target?.accountId && target.provider && target.streamId ? 'stream' : hasViews ? await pickKind(services) : 'stream';
  if (kind === 'view') return viewTarget(services, await pickView(services, 'Watch a saved view for errors'));
  const chosen = target?.accountId && target.provider && target.streamId ? (target as OpenStreamTarget) : await pickStream(services);
  const definition = definitionOf(chosen);
  if (definition.filters.some((filter) => filter.required) && !chosen.filters) {
    throw new Error(`${definition.label} need a session to be queried, so they cannot be watched as a whole.`);
  }
  return { kind: 'stream', accountId: chosen.accountId, provider: chosen.provider, streamId: chosen.streamId, filters: chosen.filters ?? {} };
}

async function viewTarget(services: Services, target: ViewTarget): Promise<WatchTarget> {
  const accountId = await accountOfView(services, target);
  const { provider, streamId, filters, query, name } = target.ref.view;
  return { kind: 'view', viewId: panelViewId(target.ref), name, accountId, provider, streamId, filters, query };
}

async function pickKind(services: Services): Promise<'stream' | 'view'> {
  const picked = await services.prompter.pick(
    'watchKind',
    [
      { label: '$(list-flat) A log stream', description: 'every error it logs', watches: 'stream' as const },
      { label: '$(bookmark) A saved view', description: 'the errors among the rows its filters and query show', watches: 'view' as const },
    ],
    { title: 'Watch for errors', placeHolder: 'What to watch' },
  );
  if (!picked) throw new vscode.CancellationError();
  return picked.watches;
}

/** The watch a command acts on: named by id, stream or view node, the only one, or picked. */
async function pickWatch(services: Services, watches: readonly Watch[], target: CommandTarget | string | undefined, title: string): Promise<Watch | undefined> {
  const named = watches.find((watch) => {
    if (typeof target === 'string') return watch.id === target;
    if (target?.ref) return watch.target.kind === 'view' && watch.target.viewId === panelViewId(target.ref) && (!target.accountId || watch.target.accountId === target.accountId);
    return target !== undefined && watch.target.kind === 'stream' && watch.target.accountId === target.accountId && watch.target.streamId === target.streamId;
  });
  if (named) return named;
  if (target !== undefined) throw new Error('That stream is not being watched.');
  if (watches.length === 0) throw new Error('Nothing is being watched. Use "API Logs: Watch for Errors" on a stream first.');
  if (watches.length === 1) return watches[0];
  const picked = await services.prompter.pick(
    'watch',
    watches.map((watch) => ({ label: watch.label, description: `${watch.newErrorCount} new errors`, watch })),
    { title, placeHolder: 'Watched stream' },
  );
  return picked?.watch;
}
