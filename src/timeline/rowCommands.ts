import * as vscode from 'vscode';
import * as z from 'zod';
import { commandIds } from '../constants';
import type { LogTablePanel } from '../panel/logTablePanel';
import type { RowCommand } from '../protocol/logTable';
import type { PanelManager } from '../panel/panelManager';
import type { LogRow } from '../protocol/streamDefinition';
import type { Services } from '../services';
import { aroundRange, aroundSpans, aroundTimeQuery, spanLabel } from './aroundTime';
import type { RelatedValue } from './relatedIndex';
import { sessionRelatedIndex } from './sessionRelatedIndex';
import type { TimelineManager } from './timelineManager';
import type { TimelinePanel } from './timelinePanel';

/** What the row context menu passes (`webview/context`), or a plain `{ rowId }` from a test. */
const rowTargetSchema = z.object({ rowId: z.string().min(1).max(1_000), query: z.string().max(10_000).optional() });

/** The panel a row command acts on, a stream's or a timeline, seen the same way. */
interface RowPanel {
  readonly query: string;
  readonly selectedRowId: string | undefined;
  getRow(rowId: string): LogRow | undefined;
  applyQuery(query: string): void;
  relatedValues(row: LogRow): RelatedValue[] | Promise<RelatedValue[]>;
  /** Loads what the range needs (a timeline pages each source back to `from`). */
  loadBackTo(from: number): Promise<void>;
}

function timelineRowPanel(panel: TimelinePanel): RowPanel {
  return {
    query: panel.identity.query ?? '',
    selectedRowId: panel.selectedRowId,
    getRow: (rowId) => panel.getRow(rowId),
    applyQuery: (query) => panel.applyQuery(query),
    relatedValues: (row) => panel.relatedValues(row),
    loadBackTo: (from) => panel.model.loadBackTo(from),
  };
}

/** A stream's panel: one source, so related rows are in the same stream; its index lives as long as its session. */
function streamRowPanel(panel: LogTablePanel): RowPanel {
  return {
    query: panel.identity.query ?? '',
    selectedRowId: panel.selectedRowId,
    getRow: (rowId) => panel.session.getRow(rowId),
    applyQuery: (query) => panel.applyQuery(query),
    relatedValues: async (row) => {
      const index = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Indexing rows for Find Related' }, () =>
        sessionRelatedIndex(panel.session, () => panel.title),
      );
      return index.related(row.id);
    },
    loadBackTo: () => Promise.resolve(),
  };
}

function activeRowPanel(panels: PanelManager, timelines: TimelineManager): RowPanel {
  const timeline = timelines.active();
  if (timeline) return timelineRowPanel(timeline);
  const stream = panels.active();
  if (stream) return streamRowPanel(stream);
  throw new Error('Open a log panel or a timeline and select a row first.');
}

/** The query the page showed when the user asked (the row menu sends it), else the panel's last known one. */
function shownQuery(panel: RowPanel, target: unknown): string {
  const parsed = rowTargetSchema.safeParse(target);
  return parsed.success && parsed.data.query !== undefined ? parsed.data.query : panel.query;
}

function targetRow(panel: RowPanel, target: unknown): LogRow {
  const parsed = rowTargetSchema.safeParse(target);
  const rowId = parsed.success ? parsed.data.rowId : panel.selectedRowId;
  const row = rowId ? panel.getRow(rowId) : undefined;
  if (!row) throw new Error(rowId ? 'That row is no longer loaded. Refresh the panel and try again.' : 'Select a row in the log panel first.');
  return row;
}

/**
 * The page's row menu asks for a row command: run it as VS Code's row menu would (on the active panel's row), with
 * the query the page applies now (the host hears of a typed query only once typing pauses).
 */
export function runRowCommand(message: { readonly command: RowCommand; readonly rowId: string; readonly query: string }): Thenable<unknown> {
  const ids: Readonly<Record<RowCommand, string>> = { showAroundTime: commandIds.showAroundTime, findRelated: commandIds.findRelated };
  return vscode.commands.executeCommand(ids[message.command], { rowId: message.rowId, query: message.query });
}

/** *Show Around This Time*: ± N seconds (picked) around the row, as an editable `time:` term; loads what it needs. */
export async function showAroundTime(services: Services, panels: PanelManager, timelines: TimelineManager, target?: unknown): Promise<void> {
  const panel = activeRowPanel(panels, timelines);
  const row = targetRow(panel, target);
  const items = aroundSpans.map((seconds) => ({ label: spanLabel(seconds), seconds }));
  const picked = await services.prompter.pick('aroundSpan', items, { title: 'Show rows around this time', placeHolder: 'How far either side' });
  if (!picked) throw new vscode.CancellationError();
  panel.applyQuery(aroundTimeQuery(shownQuery(panel, target), row.time, picked.seconds, services.settings.timeZone));
  await panel.loadBackTo(aroundRange(row.time, picked.seconds).from);
}

/** *Find Related*: a value the row shares with other loaded rows (picked when several), as the panel's query. */
export async function findRelated(services: Services, panels: PanelManager, timelines: TimelineManager, target?: unknown): Promise<void> {
  const panel = activeRowPanel(panels, timelines);
  const related = await panel.relatedValues(targetRow(panel, target));
  if (related.length === 0) {
    void vscode.window.showInformationMessage('No other loaded row shares an id, session, room, customer or phone number with this row.');
    return;
  }
  const items = related.map((value) => ({
    label: value.value,
    description: `${value.rows} row${value.rows === 1 ? '' : 's'} · ${value.sources.join(', ')}`,
    value,
  }));
  const picked = items.length === 1 ? items[0] : await services.prompter.pick('relatedValue', items, { title: 'Find rows sharing', placeHolder: 'Value' });
  if (!picked) throw new vscode.CancellationError();
  panel.applyQuery(picked.value.term);
}
