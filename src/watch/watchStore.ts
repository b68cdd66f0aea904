import type * as vscode from 'vscode';
import type { Watch } from './watch';

const stateKey = 'apiLogs.watches';

/** The watches, in globalState so they survive a reload and apply to every window. Nothing secret is stored. */
export class WatchStore {
  constructor(private readonly state: vscode.Memento) {}

  list(): readonly Watch[] {
    return this.state.get<Watch[]>(stateKey, []);
  }

  get(id: string): Watch | undefined {
    return this.list().find((watch) => watch.id === id);
  }

  /** Adds or replaces by id. */
  async put(watch: Watch): Promise<void> {
    const watches = this.list();
    const known = watches.some((other) => other.id === watch.id);
    await this.state.update(stateKey, known ? watches.map((other) => (other.id === watch.id ? watch : other)) : [...watches, watch]);
  }

  async remove(ids: readonly string[]): Promise<void> {
    await this.state.update(stateKey, this.list().filter((watch) => !ids.includes(watch.id)));
  }
}
