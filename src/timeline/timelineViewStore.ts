import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { TimelineIdentity } from '../protocol/logTable';
import { stateKeys } from '../constants';
import { timelineIdentitySchema } from './timelineSchemas';

/** A timeline saved as a view: its streams (with their accounts), query and time range. */
export interface TimelineView {
  readonly id: string;
  readonly name: string;
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

/** Timelines saved in this VS Code (globalState): names, stream references, query and range; never a secret. */
export class TimelineViewStore {
  constructor(private readonly state: StateStorage) {}

  list(): readonly TimelineView[] {
    return parseTimelineViews(this.state.get(timelineViewsKey));
  }

  /** Saves what a timeline shows under `name`; a view of the same name is replaced. */
  async save(name: string, identity: TimelineIdentity): Promise<TimelineView> {
    const view: TimelineView = { id: randomUUID(), name: name.trim(), identity: { ...identity, kind: 'timeline' } };
    await this.write([...this.list().filter((other) => other.name !== view.name), view]);
    return view;
  }

  async remove(id: string): Promise<void> {
    await this.write(this.list().filter((view) => view.id !== id));
  }

  private async write(views: readonly TimelineView[]): Promise<void> {
    await this.state.update(timelineViewsKey, { version: timelineViewVersion, views });
  }
}
