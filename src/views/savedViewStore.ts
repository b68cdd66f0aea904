import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { stateKeys } from '../constants';
import type { SavedView, ViewSpec } from '../protocol/savedView';
import { savedViewVersion } from '../protocol/savedView';
import type { ProviderKind, StreamId } from '../protocol/streamDefinition';
import { parseStoredViews, toSpec } from './viewSchemas';

/** The views saved in this VS Code, per account, in globalState. They hold no secrets: names, filters, query, layout. */
export class SavedViewStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  list(): readonly SavedView[] {
    return parseStoredViews(this.state.get(stateKeys.savedViews)).views;
  }

  /** Entries that no longer parse (written by a newer version, or corrupted), for the log. */
  problems(): readonly string[] {
    return parseStoredViews(this.state.get(stateKeys.savedViews)).problems;
  }

  get(id: string): SavedView | undefined {
    return this.list().find((view) => view.id === id);
  }

  forStream(accountId: string, provider: ProviderKind, streamId: StreamId): readonly SavedView[] {
    return this.list().filter((v) => v.accountId === accountId && v.provider === provider && v.streamId === streamId);
  }

  async add(accountId: string, spec: ViewSpec): Promise<SavedView> {
    const view: SavedView = { ...toSpec(spec), id: randomUUID(), accountId };
    await this.save([...this.list(), view]);
    return view;
  }

  async update(id: string, spec: ViewSpec): Promise<SavedView> {
    const existing = this.get(id);
    if (!existing) throw new Error('That saved view no longer exists.');
    const view: SavedView = { ...toSpec(spec), id, accountId: existing.accountId };
    await this.save(this.list().map((other) => (other.id === id ? view : other)));
    return view;
  }

  async remove(id: string): Promise<void> {
    await this.save(this.list().filter((view) => view.id !== id));
  }

  /** Drops the views of connections that no longer exist (an account or a connection was removed). */
  async prune(exists: (view: SavedView) => boolean): Promise<void> {
    const views = this.list();
    const kept = views.filter(exists);
    if (kept.length !== views.length) await this.save(kept);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async save(views: readonly SavedView[]): Promise<void> {
    await this.state.update(stateKeys.savedViews, { version: savedViewVersion, views });
    this.changed.fire();
  }
}
