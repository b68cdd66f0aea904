import * as vscode from 'vscode';
import { providerLabels } from '../auth/account';
import { commandIds } from '../constants';
import { streamDefinitionsFor } from '../providers/providerRegistry';
import type { Services } from '../services';
import type { StreamDefinition } from '../protocol/streamDefinition';
import type { Logger } from '../util/logging';
import { findView } from '../views/viewRefs';
import type { NewError, Watch, WatchTarget } from './watch';
import { applyPoll, pollFilters, targetRows, watchIdOf } from './watch';
import { rowsSince } from './pollPages';
import { WatchScheduler } from './watchScheduler';
import { WatchStore } from './watchStore';

/**
 * Watch for Errors: polls each watched stream's newest page in the background, through the connection's own HTTP
 * client (so its concurrency limit and retry back-off are shared with the panels), paused while the window is
 * unfocused. New errors are kept per watch until the user looks; one notification per burst.
 */
export class ErrorWatcher implements vscode.Disposable {
  readonly store: WatchStore;
  private readonly scheduler: WatchScheduler;
  private readonly changed = new vscode.EventEmitter<void>();
  /** The watches or their counts changed, or polling paused/resumed. */
  readonly onDidChange = this.changed.event;
  private readonly polled = new vscode.EventEmitter<void>();
  /** A poll round ended (tests wait on it). */
  readonly onDidPoll = this.polled.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly logger: Logger;
  private notifying = false;

  constructor(private readonly services: Services) {
    this.logger = services.logger.child('Watch');
    this.store = new WatchStore(services.context.globalState);
    this.scheduler = new WatchScheduler(() => this.pollAll(), services.settings.watchIntervalSeconds * 1000);
    this.scheduler.setFocused(vscode.window.state.focused);
    this.subscriptions.push(
      this.changed,
      this.polled,
      vscode.window.onDidChangeWindowState((state) => {
        this.scheduler.setFocused(state.focused);
        this.changed.fire();
      }),
      services.settings.onDidChange(() => this.scheduler.setInterval(services.settings.watchIntervalSeconds * 1000)),
      services.accounts.onDidChange(() => void this.dropOrphans()),
      services.views.onDidChange(() => void this.dropOrphans()),
      services.workspaceViews.onDidChange(() => void this.dropOrphans()),
    );
    this.scheduler.setActive(this.store.list().length > 0);
  }

  get paused(): boolean {
    return this.scheduler.paused;
  }

  list(): readonly Watch[] {
    return this.store.list();
  }

  async watch(target: WatchTarget): Promise<Watch> {
    const id = watchIdOf(target);
    const existing = this.store.get(id);
    if (existing) return existing;
    const watch: Watch = { id, target, label: this.labelOf(target), seenIds: [], newErrors: [], newErrorCount: 0 };
    await this.store.put(watch);
    this.logger.info(`Watching ${watch.label} for errors`);
    this.scheduler.setActive(true);
    this.pollNow();
    this.changed.fire();
    return watch;
  }

  /** Polls every watch now (a new watch's baseline, or a user's refresh), focused or not. */
  pollNow(): void {
    this.scheduler.pollNow();
  }

  async stop(ids: readonly string[]): Promise<void> {
    await this.store.remove(ids);
    this.scheduler.setActive(this.store.list().length > 0);
    this.changed.fire();
  }

  /** The user looked at a watch's new errors: its count starts again from zero. */
  async markSeen(id: string): Promise<void> {
    const watch = this.store.get(id);
    if (!watch) return;
    await this.store.put({ ...watch, newErrors: [], newErrorCount: 0 });
    this.changed.fire();
  }

  dispose(): void {
    this.scheduler.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  private async pollAll(): Promise<void> {
    const burst: { watch: Watch; added: readonly NewError[] }[] = [];
    for (const { id } of this.store.list()) {
      const added = await this.pollOne(id);
      const watch = this.store.get(id);
      if (watch && added.length > 0) burst.push({ watch, added });
    }
    this.changed.fire();
    this.polled.fire();
    if (burst.length > 0) this.notify(burst);
  }

  /** One watch's newest page; a failure is logged and retried on the next round. */
  private async pollOne(id: string): Promise<readonly NewError[]> {
    const before = this.store.get(id);
    if (!before) return [];
    try {
      const target = this.currentTarget(before.target);
      if (!target) return [];
      const definition = definitionOf(target);
      const { settings } = this.services;
      const connection = await this.services.connections.connect(target);
      const filters = pollFilters(target, definition, Date.now(), settings.timeZone);
      const polled = await rowsSince(connection.stream(target.streamId), { filters, pageSize: settings.pageSize }, before.seenUntil);
      if (!polled.complete) this.logger.warn(`${before.label}: more than ${polled.pages} pages since the last poll; the oldest new rows were not read.`);
      const current = this.store.get(id);
      if (!current) return [];
      const shown = targetRows(target, definition, Date.now(), settings.timeZone);
      const { watch, added } = applyPoll({ ...current, target, label: this.labelOf(target) }, polled.rows, definition, shown);
      await this.store.put(watch);
      return added;
    } catch (error) {
      this.logger.warn(`Polling ${before.label} failed: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }

  /** A view's watch follows the view (its filters, query and name now); undefined once the view is gone. */
  private currentTarget(target: WatchTarget): WatchTarget | undefined {
    if (target.kind === 'stream') return target;
    const view = findView(this.services, target.viewId)?.view;
    return view && { ...target, name: view.name, filters: view.filters, query: view.query };
  }

  /** One notification per burst: none while the previous one is still open. */
  private notify(burst: readonly { watch: Watch; added: readonly NewError[] }[]): void {
    if (this.notifying) return;
    this.notifying = true;
    const count = burst.reduce((sum, entry) => sum + entry.added.length, 0);
    const where = burst.length === 1 ? burst[0].watch.label : `${burst.length} watched streams`;
    const message = `${count} new error${count === 1 ? '' : 's'} in ${where}: ${burst[0].added[0].summary}`;
    void vscode.window.showWarningMessage(message, 'Open', 'Stop Watching').then(async (choice) => {
      this.notifying = false;
      if (choice === 'Open') await vscode.commands.executeCommand(commandIds.showNewErrors, burst.length === 1 ? burst[0].watch.id : undefined);
      if (choice === 'Stop Watching') await this.stop(burst.map((entry) => entry.watch.id));
    });
  }

  private labelOf(target: WatchTarget): string {
    const stream = definitionOf(target).label;
    const account = this.services.accounts.get(target.accountId)?.name;
    const where = `${providerLabels[target.provider]} · ${stream}${account ? ` — ${account}` : ''}`;
    return target.kind === 'view' ? `"${target.name}" · ${where}` : where;
  }

  /** Removing a connection removes its watches, and deleting a view its watch. */
  private async dropOrphans(): Promise<void> {
    const orphans = this.store
      .list()
      .filter((watch) => !this.services.accounts.connection(watch.target.accountId, watch.target.provider) || !this.currentTarget(watch.target));
    if (orphans.length > 0) await this.stop(orphans.map((watch) => watch.id));
  }
}

export function definitionOf(target: Pick<WatchTarget, 'provider' | 'streamId'>): StreamDefinition {
  const definition = streamDefinitionsFor(target.provider).find((candidate) => candidate.id === target.streamId);
  if (!definition) throw new Error(`Unknown stream ${target.streamId}.`);
  return definition;
}
