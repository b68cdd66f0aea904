import * as vscode from 'vscode';
import { pickStream } from '../commands/openStream';
import type { OpenStreamTarget } from '../commands/openStream';
import { registerCommand } from '../commands/registerCommand';
import { commandIds, contextKeys } from '../constants';
import type { PanelManager } from '../panel/panelManager';
import { streamDefinitionsFor } from '../providers/providerRegistry';
import type { Services } from '../services';
import { ErrorWatcher } from './errorWatcher';
import type { Watch } from './watch';
import { newErrorsQuery } from './watch';
import { WatchStatusBar } from './watchStatusBar';

/** Watch for Errors, Stop Watching and Show New Errors, the watcher and its status bar item. */
export interface WatchFeatures {
  readonly watcher: ErrorWatcher;
  readonly statusBar: WatchStatusBar;
}

export function registerWatch(services: Services, panels: PanelManager): WatchFeatures {
  const watcher = new ErrorWatcher(services);
  const statusBar = new WatchStatusBar(watcher);
  const updateContext = () => void vscode.commands.executeCommand('setContext', contextKeys.hasWatches, watcher.list().length > 0);
  services.context.subscriptions.push(watcher, statusBar, watcher.onDidChange(updateContext));
  updateContext();
  registerCommand(services, commandIds.watchForErrors, async (target?: OpenStreamTarget) => {
    const chosen = target?.accountId && target.provider && target.streamId ? target : await pickStream(services);
    const definition = streamDefinitionsFor(chosen.provider).find((stream) => stream.id === chosen.streamId);
    if (definition?.filters.some((filter) => filter.required) && !chosen.filters) {
      throw new Error(`${definition.label} need a session to be queried, so they cannot be watched as a whole.`);
    }
    const watch = await watcher.watch({ kind: 'stream', accountId: chosen.accountId, provider: chosen.provider, streamId: chosen.streamId, filters: chosen.filters ?? {} });
    void vscode.window.showInformationMessage(`Watching ${watch.label} for errors; new ones show in the status bar.`);
  });
  registerCommand(services, commandIds.stopWatching, async (target?: OpenStreamTarget | string) => {
    const watch = await pickWatch(services, watcher.list(), target, 'Stop watching');
    if (watch) await watcher.stop([watch.id]);
  });
  registerCommand(services, commandIds.showNewErrors, async (id?: string) => {
    const withErrors = watcher.list().filter((watch) => watch.newErrorCount > 0);
    const watch = await pickWatch(services, withErrors.length > 0 ? withErrors : watcher.list(), id, 'Open the new errors of');
    if (!watch) return;
    panels.createOrShow({ ...watch.target, query: newErrorsQuery(watch) });
    await watcher.markSeen(watch.id);
  });
  return { watcher, statusBar };
}

/** The watch a command acts on: named by id or stream, the only one, or picked. */
async function pickWatch(services: Services, watches: readonly Watch[], target: OpenStreamTarget | string | undefined, title: string): Promise<Watch | undefined> {
  const named = watches.find((watch) =>
    typeof target === 'string'
      ? watch.id === target
      : target !== undefined && watch.target.accountId === target.accountId && watch.target.streamId === target.streamId,
  );
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
