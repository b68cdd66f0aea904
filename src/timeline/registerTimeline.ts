import { registerCommand } from '../commands/registerCommand';
import { commandIds } from '../constants';
import type { PanelManager } from '../panel/panelManager';
import type { TimelineSourceRef } from '../protocol/logTable';
import type { Services } from '../services';
import { findRelated, showAroundTime } from './rowCommands';
import { openTimeline, openTogether } from './timelineCommands';
import type { TimelineManager } from './timelineManager';
import { openTimelineView, saveTimelineView } from './timelineViewCommands';
import { TimelineViewStore } from './timelineViewStore';

/** Open Timeline…, Open Together (the tree's multi-selection), saved timelines, and the row commands of every log panel. */
export function registerTimelineCommands(services: Services, panels: PanelManager, timelines: TimelineManager): void {
  registerCommand(services, commandIds.openTimeline, (sources?: readonly TimelineSourceRef[]) => openTimeline(services, timelines, sources));
  registerCommand(services, commandIds.openTogether, (clicked?: object, selected?: readonly object[]) => openTogether(services, timelines, clicked, selected));
  registerCommand(services, commandIds.showAroundTime, (target?: unknown) => showAroundTime(services, panels, timelines, target));
  registerCommand(services, commandIds.findRelated, (target?: unknown) => findRelated(services, panels, timelines, target));
  const views = new TimelineViewStore(services.context.globalState);
  registerCommand(services, commandIds.saveTimelineView, () => saveTimelineView(services, timelines, views));
  registerCommand(services, commandIds.openTimelineView, () => openTimelineView(services, timelines, views));
}
