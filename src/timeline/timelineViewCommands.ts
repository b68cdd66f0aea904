import * as vscode from 'vscode';
import type { Services } from '../services';
import type { TimelineManager } from './timelineManager';
import type { TimelinePanel } from './timelinePanel';
import type { TimelineViewStore } from './timelineViewStore';

/** *Save Timeline as View…*: the active timeline's streams, query and time range under a name. */
export async function saveTimelineView(services: Services, timelines: TimelineManager, store: TimelineViewStore): Promise<void> {
  const panel = timelines.active() ?? timelines.all()[0];
  if (!panel) throw new Error('Open a timeline first: Save Timeline as View stores what it shows.');
  const name = await services.prompter.input('viewName', {
    title: 'Save the timeline as a view',
    prompt: 'A view of the same name is replaced.',
    validateInput: (value) => (value.trim() === '' ? 'Give the view a name.' : value.trim().length > 100 ? 'At most 100 characters.' : undefined),
  });
  if (name === undefined) throw new vscode.CancellationError();
  await store.save(name, panel.identity);
  void vscode.window.setStatusBarMessage(`Saved timeline view "${name.trim()}"`, 3000);
}

/** *Open Saved Timeline…*: a saved timeline with its query and range (revealed when it is open). */
export async function openTimelineView(services: Services, timelines: TimelineManager, store: TimelineViewStore): Promise<TimelinePanel> {
  const views = store.list();
  if (views.length === 0) throw new Error('No timeline is saved yet. Open one, then use "API Logs: Save Timeline as View…".');
  const items = views.map((view) => ({ label: view.name, description: view.identity.query || 'no query', detail: `${view.identity.sources.length} streams`, view }));
  const picked = await services.prompter.pick('view', items, { title: 'Open a saved timeline', placeHolder: 'Timeline view' });
  if (!picked) throw new vscode.CancellationError();
  return timelines.createOrShow({ ...picked.view.identity, query: picked.view.identity.query ?? '' });
}
