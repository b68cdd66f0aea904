import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { TimelineIdentity } from '../protocol/logTable';
import { stateKeys } from '../constants';
import { timelineIdentitySchema } from './timelineSchemas';

/** A timeline saved as a view: its streams (with their accounts), query and time range. */
export interface TimelineView {
  readonly id: string;
  readonly name: string;
  /** What it shows; never carries the `viewId` of a panel. */
  readonly identity: TimelineIdentity;
}

/** The part of `vscode.Memento` the store uses (globalState; tests pass a Map-backed one). */
export interface StateStorage {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

export const timelineViewsKey = stateKeys.timelineViews;
export const timelineViewVersion = 1;

const viewSchema = z.object({ id: z.string().min(1).max(200), name: z.string().trim().min(1).max(100), identity: timelineIdentitySchema });

/** Stored timeline views: the valid entries; one that no longer parses (hand-edited, newer) is skipped, not fatal. */
export function parseTimelineViews(raw: unknown): TimelineView[] {
  const envelope = z.object({ version: z.number().int().positive(), views: z.array(z.unknown()) }).safeParse(raw);
  if (!envelope.success || envelope.data.version > timelineViewVersion) return [];
  return envelope.data.views.flatMap((item) => {
    const parsed = viewSchema.safeParse(item);
    return parsed.success ? [parsed.data as TimelineView] : [];
  });
}

/** The stored form of what a timeline shows: its streams, query and range, in a fixed key order. */
function stored(identity: TimelineIdentity): TimelineIdentity {
  const { sources, query, timeRange } = identity;
  return { kind: 'timeline', sources, ...(query ? { query } : {}), ...(timeRange ? { timeRange } : {}) };
}

/** Timelines saved in this VS Code (globalState): names, stream references, query and range; never a secret. */
export class TimelineViewStore {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly state: StateStorage) {}

  list(): readonly TimelineView[] {
    return parseTimelineViews(this.state.get(timelineViewsKey));
  }

  get(id: string): TimelineView | undefined {
    return this.list().find((view) => view.id === id);
  }

  /** Fires after every change (the Timelines view and open panels follow it). */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  async add(name: string, identity: TimelineIdentity): Promise<TimelineView> {
    const view: TimelineView = { id: randomUUID(), name: name.trim(), identity: stored(identity) };
    await this.write([...this.list(), view]);
    return view;
  }

  /** Saves what a timeline shows into an existing view, keeping its name. */
  async update(id: string, identity: TimelineIdentity): Promise<TimelineView> {
    return this.change(id, (view) => ({ ...view, identity: stored(identity) }));
  }

  async rename(id: string, name: string): Promise<TimelineView> {
    return this.change(id, (view) => ({ ...view, name: name.trim() }));
  }

  async remove(id: string): Promise<void> {
    await this.write(this.list().filter((view) => view.id !== id));
  }

  private async change(id: string, edit: (view: TimelineView) => TimelineView): Promise<TimelineView> {
    const existing = this.get(id);
    if (!existing) throw new Error('That saved timeline no longer exists.');
    const changed = edit(existing);
    await this.write(this.list().map((view) => (view.id === id ? changed : view)));
    return changed;
  }

  private async write(views: readonly TimelineView[]): Promise<void> {
    await this.state.update(timelineViewsKey, { version: timelineViewVersion, views });
    for (const listener of [...this.listeners]) listener();
  }
}
