import type { ExportFormat, RowCommand, TimeZoneMode } from '../src/protocol/logTable';
import type { CallEvent, MeetingQuery, MeetingSessionPage } from '../src/protocol/streamDefinition';
import type { FilterValues } from '../src/protocol/streamDefinition';
import type { ViewLayout } from '../src/protocol/savedView';
import type { TimeRange } from '../src/protocol/timeRange';
import type { Transport } from './transport';

/** The intents the UI can express; components call these, never the transport. */
export class Actions {
  constructor(private readonly transport: Transport) {}

  setFilters(filters: FilterValues): void {
    this.transport.send({ type: 'setFilters', filters });
  }
  loadOlder(): void {
    this.transport.send({ type: 'loadOlder' });
  }
  loadAll(): void {
    this.transport.send({ type: 'loadAll' });
  }
  loadGap(gapId: string): void {
    this.transport.send({ type: 'loadGap', gapId });
  }
  cancelLoad(): void {
    this.transport.send({ type: 'cancelLoad' });
  }
  retry(): void {
    this.transport.send({ type: 'retry' });
  }
  updateToken(): void {
    this.transport.send({ type: 'updateToken' });
  }
  setLiveTail(enabled: boolean): void {
    this.transport.send({ type: 'setLiveTail', enabled });
  }
  setTailPaused(paused: boolean): void {
    this.transport.send({ type: 'setTailPaused', paused });
  }
  exportRows(format: ExportFormat, rowIds?: readonly string[]): void {
    this.transport.send(rowIds ? { type: 'export', format, rowIds } : { type: 'export', format });
  }
  copyText(text: string): void {
    this.transport.send({ type: 'copyText', text });
  }
  copyRowAsJson(rowId: string): void {
    this.transport.send({ type: 'copyRowAsJson', rowId });
  }
  openRowAsJson(rowId: string): void {
    this.transport.send({ type: 'openRowAsJson', rowId });
  }
  copyCurl(rowId: string): void {
    this.transport.send({ type: 'copyCurl', rowId });
  }
  findCallSites(rowId: string): void {
    this.transport.send({ type: 'findCallSites', rowId });
  }
  rowCommand(command: RowCommand, rowId: string, query: string): void {
    this.transport.send({ type: 'rowCommand', command, rowId, query });
  }
  rowSelected(rowId: string): void {
    this.transport.send({ type: 'rowSelected', rowId });
  }
  openLink(url: string): void {
    this.transport.send({ type: 'openLink', url });
  }
  /** The applied query or time range changed; a new range makes the host fetch again. */
  queryChanged(query: string, timeRange: TimeRange | undefined): void {
    this.transport.send({ type: 'queryChanged', query, ...(timeRange ? { timeRange } : {}) });
  }
  setTimeZone(timeZone: TimeZoneMode): void {
    this.transport.send({ type: 'setTimeZone', timeZone });
  }
  layoutChanged(layout: ViewLayout): void {
    this.transport.send({ type: 'layoutChanged', layout });
  }
  listMeetingSessions(query: MeetingQuery): Promise<MeetingSessionPage> {
    return this.transport.request<'listMeetingSessions'>({ type: 'listMeetingSessions', query });
  }
  listCallEvents(rowId: string): Promise<readonly CallEvent[]> {
    return this.transport.request<'listCallEvents'>({ type: 'listCallEvents', rowId });
  }
}
