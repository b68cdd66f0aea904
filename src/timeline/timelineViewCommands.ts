import * as vscode from 'vscode';
import type { Services } from '../services';
import { askViewName, type NamePrompt } from '../views/viewCommands';
import type { TimelineManager } from './timelineManager';
import type { TimelinePanel } from './timelinePanel';
import type { TimelineView } from './timelineViewStore';
import { sourceLabel } from './sourceSessions';

/** A saved-timeline node of the Timelines view, or anything with the same field. */
export interface TimelineViewTarget {
  readonly timelineView: TimelineView;
}

const timelineNamePrompt: NamePrompt = {
  title: 'Name the timeline',
  prompt: 'A name for these streams, the query and the time range',
  takenWhere: 'among the saved timelines',
};

/** The timeline Save acts on: the one given (tests), else the active one, else the only one open. */
function targetTimeline(timelines: TimelineManager, panel?: TimelinePanel): TimelinePanel {
  const open = timelines.all();
  const chosen = panel ?? timelines.active() ?? (open.length === 1 ? open[0] : undefined);
  if (!chosen) throw new Error('Open a timeline first: Save Timeline stores what it shows.');
  return chosen;
}

/** *Save Timeline*: updates the saved timeline the panel shows; a panel that shows none asks for a name. */
export async function saveTimelineView(services: Services, timelines: TimelineManager, panel?: TimelinePanel): Promise<TimelineView> {
  const target = targetTimeline(timelines, panel);
  const viewId = target.identity.viewId;
  if (!viewId || !services.timelineViews.get(viewId)) return saveTimelineViewAs(services, timelines, target);
  const view = await services.timelineViews.update(viewId, target.identity);
  void vscode.window.setStatusBarMessage(`Saved timeline "${view.name}"`, 3000);
  return view;
}

/** *Save Timeline As…*: a new saved timeline; the panel shows it from now on (its name in the title). */
export async function saveTimelineViewAs(services: Services, timelines: TimelineManager, panel?: TimelinePanel): Promise<TimelineView> {
  const target = targetTimeline(timelines, panel);
  const current = target.identity.viewId ? services.timelineViews.get(target.identity.viewId)?.name : undefined;
  const name = await askViewName(services, current ? `${current} copy` : '', takenNames(services), timelineNamePrompt);
  const view = await services.timelineViews.add(name, target.identity);
  timelines.showsView(target, view.id);
  void vscode.window.setStatusBarMessage(`Saved timeline "${view.name}" (in the Timelines view)`, 5000);
  return view;
}

/**
 * Opens a saved timeline (reveals its panel when open) with its query and range: the node's, or one the user picks.
 * Streams whose connection was removed since are left out, and the user is told which.
 */
export async function openTimelineView(services: Services, timelines: TimelineManager, target?: TimelineViewTarget): Promise<TimelinePanel> {
  const view = target?.timelineView ?? (await pickTimelineView(services, 'Open a saved timeline'));
  const connected = (source: TimelineView['identity']['sources'][number]) => services.accounts.connection(source.accountId, source.provider) !== undefined;
  const sources = view.identity.sources.filter(connected);
  if (sources.length === 0) throw new Error(`"${view.name}" merges streams whose connections no longer exist.`);
  const missing = view.identity.sources.filter((source) => !connected(source));
  if (missing.length > 0) {
    const names = missing.map((source) => sourceLabel(services, source)).join(', ');
    void vscode.window.showWarningMessage(`"${view.name}" opened without ${names}: its connection no longer exists.`);
  }
  return timelines.createOrShow({ ...view.identity, sources, query: view.identity.query ?? '', viewId: view.id });
}

export async function renameTimelineView(services: Services, target?: TimelineViewTarget): Promise<void> {
  const view = target?.timelineView ?? (await pickTimelineView(services, 'Rename a saved timeline'));
  const taken = takenNames(services);
  taken.delete(view.name);
  await services.timelineViews.rename(view.id, await askViewName(services, view.name, taken, timelineNamePrompt));
}

/** Asks first; the timeline's open panel closes with it. */
export async function deleteTimelineView(services: Services, target?: TimelineViewTarget): Promise<void> {
  const view = target?.timelineView ?? (await pickTimelineView(services, 'Delete a saved timeline'));
  if (!(await services.prompter.confirm('confirmDeleteView', `Delete the saved timeline "${view.name}"?`, 'Delete'))) return;
  await services.timelineViews.remove(view.id);
}

async function pickTimelineView(services: Services, title: string): Promise<TimelineView> {
  const views = services.timelineViews.list();
  if (views.length === 0) throw new Error('No timeline is saved yet. Open one, then use "API Logs: Save Timeline As…".');
  const items = views.map((view) => ({
    label: view.name,
    description: view.identity.query || 'no query',
    detail: view.identity.sources.map((source) => sourceLabel(services, source)).join(', '),
    view,
  }));
  const picked = await services.prompter.pick('view', items, { title, placeHolder: 'Saved timeline', matchOnDetail: true });
  if (!picked) throw new vscode.CancellationError();
  return picked.view;
}

function takenNames(services: Services): Set<string> {
  return new Set(services.timelineViews.list().map((view) => view.name));
}
