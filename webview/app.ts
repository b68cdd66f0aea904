import type { ExportFormat, HostNotification, PanelError, PanelGap, PanelSettings, PanelStatus, TimeZoneMode } from '../src/protocol/logTable';
import type { FilterValues, LogRow, Severity, StreamDefinition } from '../src/protocol/streamDefinition';
import type { Actions } from './actions';
import { DetailPane } from './detail/detailPane';
import { FilterBar } from './filters/filterBar';
import { Grid, rowHeight, type GridCallbacks } from './grid/grid';
import { gapSlots } from './grid/gapSlots';
import { RowStore } from './model/rowStore';
import { RowView } from './model/rowView';
import { Banner } from './panel/banner';
import { ColumnLayout } from './panel/columnLayout';
import { EmptyState } from './panel/emptyState';
import { StatusLine } from './panel/statusLine';
import { TailTracker } from './panel/tailTracker';
import { severities, Toolbar, type ToolbarActions } from './panel/toolbar';
import { isEditable } from './panel/isEditable';
import { cellMenuItems } from './query/cellMenu';
import { FacetsPanel } from './query/facetsPanel';
import { QueryController, type QueryHost } from './query/queryController';
import { openContextMenu } from './panel/popupMenu';
import type { StateStore } from './state';
import type { RowChange } from './histogram/histogram';
import { TimeControls } from './timeRange/timeControls';

type Notification = Exclude<HostNotification, { type: 'reply' }>;

/** The panel: owns the rows and the UI intent, and wires the components to the actions layer. */
export class App {
  private definition: StreamDefinition | undefined;
  private filters: FilterValues = {};
  private settings: PanelSettings | undefined;
  private status: PanelStatus | undefined;
  private error: PanelError | null = null;
  private gaps: readonly PanelGap[] = [];
  private readonly store = new RowStore();
  private readonly view = new RowView(this.store);
  private readonly shownLevels: Set<Severity>;
  private readonly hiddenFlags: Set<string>;
  private readonly columns: ColumnLayout;
  private autoLoadedAt = -1;
  private anchor: string | undefined;
  private filterBar: FilterBar | undefined;
  private readonly toolbar: Toolbar;
  private readonly grid: Grid;
  private readonly detail: DetailPane;
  private readonly banner: Banner;
  private readonly empty: EmptyState;
  private readonly statusLine: StatusLine;
  private readonly tail: TailTracker;
  private readonly query: QueryController;
  private readonly facets: FacetsPanel;
  private queryNotice: ReturnType<typeof setTimeout> | undefined;
  private readonly filterSlot = document.createElement('div');
  private readonly time: TimeControls;
  /** How the rows changed since the last refresh, so the histogram counts only new rows. */
  private rowChange: RowChange | undefined;
  /** The page's one level-one heading: the stream's title, for screen readers (VS Code shows it on the tab). */
  private readonly heading = document.createElement('h1');

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: Actions,
    private readonly state: StateStore,
  ) {
    const ui = state.ui;
    this.shownLevels = new Set(ui.severities ?? severities);
    this.hiddenFlags = new Set(ui.hiddenFlags ?? []);
    this.columns = new ColumnLayout(ui, (patch) => {
      state.updateUi(patch);
      actions.layoutChanged(this.columns.snapshot());
    });
    this.anchor = ui.scrollAnchor;
    this.query = new QueryController(this.queryHost(), { text: ui.quickFilter ?? '', serverKeys: ui.queryServerKeys, recent: ui.recentQueries });
    this.facets = new FacetsPanel(
      { addTerm: (field, value, negate) => this.query.addTerm(field, value, negate), onToggle: (open) => this.onFacetsToggle(open) },
      ui.facetsOpen === true,
    );
    this.toolbar = new Toolbar(this.toolbarActions(), this.query.line.element);
    this.grid = new Grid(this.gridCallbacks());
    this.tail = new TailTracker((paused) => actions.setTailPaused(paused), () => this.grid.scrollToPosition(0));
    this.detail = new DetailPane(actions, () => this.closeDetail(), (field, value, negate) => this.query.addTerm(field, value, negate));
    this.banner = new Banner(actions);
    this.empty = new EmptyState({ clearFilters: () => this.clearFilters(), clearQuickFilter: () => this.clearQuickFilter() });
    this.statusLine = new StatusLine(actions);
    this.time = new TimeControls(
      {
        query: () => this.query.queryText,
        setQuery: (text) => this.query.setText(text, false),
        changed: (query, range) => actions.queryChanged(query, range),
      },
      state,
    );
    this.layout();
  }

  private toolbarActions(): ToolbarActions {
    return {
      onSeverity: (severity, shown) => this.setSeverity(severity, shown),
      onFlag: (key, shown) => this.setFlag(key, shown),
      onLiveTail: (enabled) => this.actions.setLiveTail(enabled),
      onTimeZone: (zone) => this.setTimeZone(zone, true),
      onToggleColumn: (key) => this.toggleColumn(key),
      onExport: (format, filteredOnly) => this.exportRows(format, filteredOnly),
      columns: () => this.columns.all(),
      isFiltered: () => this.view.shown.length !== this.store.rows.length,
    };
  }

  private gridCallbacks(): GridCallbacks {
    return {
      onSort: (key) => {
        this.columns.cycleSort(key);
        this.applyColumns();
      },
      onResize: (key, width, done) => this.resize(key, width, done),
      onSelect: (row) => {
        this.actions.rowSelected(row.id);
        if (this.detail.row) this.showDetail(row);
      },
      onOpen: (row) => this.showDetail(row),
      onCopy: (row) => this.actions.copyRowAsJson(row.id),
      onScroll: (top, atEnd) => this.onScroll(top, atEnd),
      onLoadGap: (gapId) => this.actions.loadGap(gapId),
      onContextMenu: (row, column, at) => {
        const items = cellMenuItems(row, column, this.columns.visible(), (field, value, negate) => this.query.addTerm(field, value, negate));
        // The page's own menu replaces VS Code's row menu, so it offers Find Call Sites too.
        if (this.definition?.hasHttpRequest) items.push({ label: 'Find Call Sites', run: () => this.actions.findCallSites(row.id) });
        if (items.length > 0) openContextMenu(column ? `${column.title} value` : 'Row values', items, at, this.grid.element);
      },
    };
  }

  private queryHost(): QueryHost {
    return {
      store: this.store,
      definition: () => this.definition,
      zone: () => this.settings?.timeZone ?? 'local',
      refresh: () => this.refresh(),
      filters: () => this.filters,
      applyFilters: (values) => {
        this.filterBar?.render(values, this.settings?.timeZone ?? 'local');
        this.sendFilters(values);
      },
      queryApplied: (text, serverKeys) => this.onQueryApplied(text, serverKeys),
      recentChanged: (recent) => this.state.updateUi({ recentQueries: recent }),
    };
  }

  handle(message: Notification): void {
    switch (message.type) {
      case 'init':
        return this.init(message);
      case 'setQuery':
        return this.query.setText(message.query, true);
      case 'rows':
        if (message.mode === 'insert') this.store.insertBefore(message.beforeRowId, message.rows);
        return message.mode === 'insert' ? this.refresh() : this.onRows(message.mode, message.rows);
      case 'gaps':
        this.gaps = message.gaps;
        return this.refresh();
      case 'dropOldest':
        this.store.dropOldest(message.count);
        return this.refresh();
      case 'status':
        this.status = message.status;
        this.toolbar.setLiveTail(message.status.liveTail);
        return this.refresh();
      case 'error':
        this.error = message.error;
        this.banner.show(message.error);
        return this.refresh();
      case 'settings':
        return this.setTimeZone(message.settings.timeZone, false, message.settings);
    }
  }

  private layout(): void {
    this.filterSlot.className = 'filter-slot';
    this.heading.className = 'visually-hidden';
    this.heading.textContent = document.title;
    const table = document.createElement('div');
    table.className = 'table-area';
    table.append(this.tail.button, this.grid.element, this.empty.element);
    const content = document.createElement('div');
    content.className = 'content';
    content.append(table, this.facets.element, this.detail.element);
    this.root.replaceChildren(this.heading, this.filterSlot, this.toolbar.element, this.banner.element, this.time.histogram.element, content, this.statusLine.element);
    this.statusLine.element.prepend(this.time.status);
    this.toolbar.setSeverities(this.shownLevels);
    document.addEventListener('keydown', (event) => this.onGlobalKey(event));
  }

  private init(message: Extract<Notification, { type: 'init' }>): void {
    this.definition = message.definition;
    this.filters = message.filters;
    this.heading.textContent = message.title;
    if (message.identity) this.state.setIdentity({ ...message.identity, filters: message.filters });
    this.state.updateUi({ filters: message.filters });
    this.filterBar = new FilterBar(message.definition.filters, {
      apply: (values) => this.applyFilters(values),
      listSessions: (query) => this.actions.listMeetingSessions(query),
    });
    this.filterSlot.replaceChildren(this.filterBar.element, this.time.picker.element);
    this.time.init(message.definition.columns, message.timeRange, message.settings.timeZone);
    this.columns.setDefinition(message.definition.columns);
    if (message.layout) this.columns.apply(message.layout);
    else this.actions.layoutChanged(this.columns.snapshot());
    this.toolbar.setFlags(message.definition.columns, this.hiddenFlags);
    this.grid.painter.rowContextSection = message.definition.hasHttpRequest ? 'httpRow' : 'logRow';
    this.setTimeZone(message.settings.timeZone, false, message.settings);
    this.applyColumns();
    if (message.query !== undefined) this.query.setText(message.query, false);
    else this.query.start();
  }

  private onRows(mode: 'replace' | 'append' | 'prepend', rows: readonly LogRow[]): void {
    if (mode === 'replace') {
      this.store.replace(rows);
      this.tail.reset();
      if (this.detail.row && this.store.indexOfId(this.detail.row.id) < 0) this.detail.hide();
    } else if (mode === 'append') {
      this.rowChange = { mode, from: this.store.rows.length };
      this.store.append(rows);
    } else {
      this.rowChange = { mode, count: rows.length };
      this.prependRows(rows);
    }
    this.refresh();
    if (mode === 'replace') this.restoreAnchor();
    this.store.indexWhenIdle();
  }

  /** Live-tail rows: keep the user's view still when scrolled away, and count what arrived above it. */
  private prependRows(rows: readonly LogRow[]): void {
    this.store.prepend(rows);
    if (this.grid.scrollOffset <= 0 || this.columns.sort) return;
    this.tail.added(rows.length);
    this.grid.scrollByRows(rows.length);
  }

  private restoreAnchor(): void {
    if (this.anchor === undefined) return;
    const position = this.grid.positionOf(this.anchor);
    this.anchor = undefined;
    if (position > 0) this.grid.scrollToPosition(position);
  }

  private refresh(): void {
    const selectedId = this.grid.selectedRow?.id;
    const shown = this.view.update({
      sortColumn: this.columns.sortColumn(),
      descending: this.columns.sort?.direction === 'desc',
      predicate: this.query.predicate(),
      narrowing: { node: this.query.appliedNode, scope: this.settings?.timeZone ?? 'local' },
      severities: this.shownLevels,
      hiddenFlags: this.hiddenFlags,
    });
    const highlight = this.query.highlighter();
    this.grid.painter.highlight = highlight;
    if (this.detail.highlight !== highlight) {
      this.detail.highlight = highlight;
      if (this.detail.row) this.showDetail(this.detail.row);
    }
    const viewKey = `${this.query.queryText}|${[...this.shownLevels].join()}|${[...this.hiddenFlags].join()}|${this.columns.sort?.key ?? ''}`;
    this.time.shown(this.store.rows, shown, { key: viewKey, version: this.store.version, change: this.rowChange }, this.status);
    this.rowChange = undefined;
    const sorted = this.columns.sortColumn() !== undefined;
    this.grid.setRows(this.store.rows, shown, selectedId, gapSlots(this.gaps, shown, (id) => this.store.indexOfId(id), sorted));
    this.facets.update(this.columns.visible(), this.store, shown);
    this.statusLine.update(this.status, shown.length, this.settings);
    this.updateEmpty(shown.length);
  }

  private updateEmpty(shown: number): void {
    const loading = !this.status || this.status.activity === 'first';
    if (shown > 0 || loading || !this.definition) this.empty.hide();
    else if (this.store.rows.length === 0) {
      if (this.error) this.empty.hide();
      else this.empty.showNoResults(this.definition.filters, this.filters);
    } else this.empty.showAllHidden(this.query.queryText.trim(), severities.filter((s) => !this.shownLevels.has(s)));
    this.grid.element.hidden = !this.empty.element.hidden;
  }

  private onScroll(top: number, atEnd: boolean): void {
    const status = this.status;
    this.tail.onScroll(top, top > rowHeight, status?.liveTail === true);
    if (atEnd && top > 0 && status?.more && status.activity === 'idle' && this.autoLoadedAt !== this.store.rows.length) {
      this.autoLoadedAt = this.store.rows.length;
      this.actions.loadOlder();
    }
    const position = Math.min(this.grid.firstVisible(), this.grid.count - 1);
    const anchor = top > 0 && position >= 0 ? this.grid.rowAt(position)?.id : undefined;
    if (anchor !== this.state.ui.scrollAnchor) this.state.updateUi({ scrollAnchor: anchor });
  }

  private onGlobalKey(event: KeyboardEvent): void {
    if (event.key === '/' && !isEditable(event)) {
      event.preventDefault();
      this.query.line.input.focus();
    } else if (event.key === 'Escape' && this.detail.row && !isEditable(event)) {
      this.closeDetail();
    }
  }

  /** Persist the applied query now; tell the host once typing pauses. */
  private onQueryApplied(text: string, serverKeys: readonly string[]): void {
    this.state.updateUi({ quickFilter: text, queryServerKeys: serverKeys });
    this.state.setQuery(text);
    clearTimeout(this.queryNotice);
    this.queryNotice = setTimeout(() => this.actions.queryChanged(text, this.time.range), 300);
  }

  private onFacetsToggle(open: boolean): void {
    this.state.updateUi({ facetsOpen: open });
    this.refresh();
  }

  /** The empty state's action: show every loaded row again (query and level toggles). */
  private clearQuickFilter(): void {
    this.shownLevels.clear();
    for (const severity of severities) this.shownLevels.add(severity);
    this.hiddenFlags.clear();
    this.toolbar.setSeverities(this.shownLevels);
    this.toolbar.setFlags(this.definition?.columns ?? [], this.hiddenFlags);
    this.state.updateUi({ severities: [...this.shownLevels], hiddenFlags: [] });
    this.query.setText('', false);
  }

  private setSeverity(severity: Severity, shown: boolean): void {
    if (shown) this.shownLevels.add(severity);
    else this.shownLevels.delete(severity);
    this.state.updateUi({ severities: [...this.shownLevels] });
    this.refresh();
  }

  private setFlag(key: string, shown: boolean): void {
    if (shown) this.hiddenFlags.delete(key);
    else this.hiddenFlags.add(key);
    this.state.updateUi({ hiddenFlags: [...this.hiddenFlags] });
    this.refresh();
  }

  private setTimeZone(zone: TimeZoneMode, fromUser: boolean, settings?: PanelSettings): void {
    this.settings = settings ?? (this.settings ? { ...this.settings, timeZone: zone } : undefined);
    this.grid.painter.timeZone = zone;
    this.time.setZone(zone);
    this.toolbar.setTimeZone(zone);
    this.filterBar?.render(this.filters, zone);
    if (fromUser) this.actions.setTimeZone(zone);
    if (this.detail.row && this.definition) this.detail.show(this.detail.row, this.definition, zone);
    this.refresh();
  }

  /** The filter bar applied `values`: the query gives up the filters the user changed there. */
  private applyFilters(values: FilterValues): void {
    this.query.takeOverFilters(values);
    this.sendFilters(values);
  }

  private sendFilters(values: FilterValues): void {
    this.filters = values;
    this.state.updateUi({ filters: values });
    this.actions.setFilters(values);
  }

  private clearFilters(): void {
    if (!this.filterBar) return;
    const kept = this.filterBar.clearedValues(this.filters);
    this.filterBar.render(kept, this.settings?.timeZone ?? 'local');
    this.applyFilters(kept);
  }

  private resize(key: string, width: number, done: boolean): void {
    this.columns.resize(key, width, done);
    if (done) this.applyColumns();
    else this.grid.element.style.setProperty('--grid-columns', this.columns.template());
  }

  private toggleColumn(key: string): void {
    this.columns.toggle(key);
    this.applyColumns();
  }

  /** Rebuilds the header (and row pool) for the current columns, keeping keyboard focus in the grid. */
  private applyColumns(): void {
    const hadFocus = this.grid.element.contains(document.activeElement);
    this.grid.setColumns(this.columns.visible(), this.columns.widths, this.columns.sort);
    this.refresh();
    if (hadFocus && !this.grid.element.contains(document.activeElement)) this.grid.element.focus({ preventScroll: true });
  }

  private exportRows(format: ExportFormat, filteredOnly: boolean): void {
    const ids = filteredOnly ? Array.from(this.view.shown, (index) => this.store.rows[index].id) : undefined;
    this.actions.exportRows(format, ids);
  }

  private showDetail(row: LogRow): void {
    if (this.definition) this.detail.show(row, this.definition, this.settings?.timeZone ?? 'local');
  }

  private closeDetail(): void {
    this.detail.hide();
    this.grid.element.focus();
  }
}
