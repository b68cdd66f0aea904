import type { HostNotification, PanelError, PanelGap, PanelSettings, PanelStatus, TimeZoneMode } from '../src/protocol/logTable';
import type { LogRow, StreamDefinition } from '../src/protocol/streamDefinition';
import type { Actions } from './actions';
import { RowDetail } from './detail/rowDetail';
import { ServerFilters } from './filters/serverFilters';
import { Grid, type GridCallbacks } from './grid/grid';
import { gapSlots } from './grid/gapSlots';
import { RowStore } from './model/rowStore';
import { RowView } from './model/rowView';
import { Banner } from './panel/banner';
import { ColumnControls } from './panel/columnControls';
import { ColumnLayout } from './panel/columnLayout';
import { EmptyState } from './panel/emptyState';
import { LevelFilters } from './panel/levelFilters';
import { composePanel } from './panel/panelLayout';
import { ScrollKeeper } from './panel/scrollKeeper';
import { StatusLine } from './panel/statusLine';
import { Toolbar, type ToolbarActions } from './panel/toolbar';
import { isEditable } from './panel/isEditable';
import { openCellMenu } from './query/cellMenu';
import { FacetsPanel } from './query/facetsPanel';
import { QueryController, type QueryHost } from './query/queryController';
import type { StateStore } from './state';
import type { RowChange } from './histogram/histogram';
import { TimeControls } from './timeRange/timeControls';

type Notification = Exclude<HostNotification, { type: 'reply' }>;

/** The panel: owns the rows and the UI intent, and wires the components to the actions layer. */
export class App {
  private definition: StreamDefinition | undefined;
  private settings: PanelSettings | undefined;
  private status: PanelStatus | undefined;
  private error: PanelError | null = null;
  private gaps: readonly PanelGap[] = [];
  private readonly store = new RowStore();
  private readonly view = new RowView(this.store);
  private readonly levels: LevelFilters;
  private readonly columns: ColumnLayout;
  private readonly filters: ServerFilters;
  private readonly columnControls: ColumnControls;
  private readonly toolbar: Toolbar;
  private readonly grid: Grid;
  private readonly detail: RowDetail;
  private readonly banner: Banner;
  private readonly empty: EmptyState;
  private readonly statusLine: StatusLine;
  private readonly scroll: ScrollKeeper;
  private readonly query: QueryController;
  private readonly facets: FacetsPanel;
  private queryNotice: ReturnType<typeof setTimeout> | undefined;
  private readonly time: TimeControls;
  /** How the rows changed since the last refresh, so the histogram counts only new rows. */
  private rowChange: RowChange | undefined;
  /** The page's one level-one heading (see composePanel). */
  private readonly heading: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: Actions,
    private readonly state: StateStore,
  ) {
    const ui = state.ui;
    this.levels = new LevelFilters(state, () => this.toolbar, () => this.refresh());
    this.columns = new ColumnLayout(ui, (patch) => {
      state.updateUi(patch);
      actions.layoutChanged(this.columns.snapshot());
    });
    this.query = new QueryController(this.queryHost(), { text: ui.quickFilter ?? '', serverKeys: ui.queryServerKeys, recent: ui.recentQueries });
    this.facets = new FacetsPanel(
      { addTerm: (field, value, negate) => this.query.addTerm(field, value, negate), onToggle: (open) => this.onFacetsToggle(open) },
      ui.facetsOpen === true,
    );
    this.toolbar = new Toolbar(this.toolbarActions(), this.query.line.element);
    this.grid = new Grid(this.gridCallbacks());
    this.columnControls = new ColumnControls(this.columns, this.grid, () => this.refresh());
    this.filters = new ServerFilters(state, {
      setFilters: (values) => actions.setFilters(values),
      listSessions: (query) => actions.listMeetingSessions(query),
      takeOver: (values) => this.query.takeOverFilters(values),
    });
    this.scroll = new ScrollKeeper(this.grid, state, actions);
    this.detail = new RowDetail(actions, (field, value, negate) => this.query.addTerm(field, value, negate), {
      definition: () => this.definition,
      zone: () => this.zone,
      closed: () => this.grid.element.focus(),
    });
    this.banner = new Banner(actions);
    this.empty = new EmptyState({ clearFilters: () => this.filters.clear(this.zone), clearQuickFilter: () => this.clearQuickFilter() });
    this.statusLine = new StatusLine(actions);
    this.time = new TimeControls(
      {
        query: () => this.query.queryText,
        setQuery: (text) => this.query.setText(text, false),
        changed: (query, range) => actions.queryChanged(query, range),
      },
      state,
    );
    this.heading = this.layout();
  }

  private get zone(): TimeZoneMode {
    return this.settings?.timeZone ?? 'local';
  }

  private toolbarActions(): ToolbarActions {
    return {
      onSeverity: (severity, shown) => this.levels.setSeverity(severity, shown),
      onFlag: (key, shown) => this.levels.setFlag(key, shown),
      onLiveTail: (enabled) => this.actions.setLiveTail(enabled),
      onTimeZone: (zone) => this.setTimeZone(zone, true),
      onToggleColumn: (key) => this.columnControls.toggle(key),
      onExport: (format, filteredOnly) => this.actions.exportRows(format, filteredOnly ? this.view.shownIds() : undefined),
      columns: () => this.columns.all(),
      isFiltered: () => this.view.shown.length !== this.store.rows.length,
    };
  }

  private gridCallbacks(): GridCallbacks {
    return {
      onSort: (key) => this.columnControls.sort(key),
      onResize: (key, width, done) => this.columnControls.resize(key, width, done),
      onFit: (key) => this.columnControls.fitColumn(key, this.store.rows),
      onSelect: (row) => {
        this.actions.rowSelected(row.id);
        if (this.detail.row) this.detail.show(row);
      },
      onOpen: (row) => this.detail.show(row),
      onCopy: (row) => this.actions.copyRowAsJson(row.id),
      onScroll: (top, atEnd) => this.scroll.onScroll(top, atEnd, this.status, this.store.rows.length),
      onLoadGap: (gapId) => this.actions.loadGap(gapId),
      onContextMenu: (row, column, at) =>
        openCellMenu({ row, column, at }, this.columns.visible(), {
          addTerm: (field, value, negate) => this.query.addTerm(field, value, negate),
          row: { actions: this.actions, http: this.definition?.hasHttpRequest === true, query: () => this.query.queryText },
        }, this.grid.element),
    };
  }

  private queryHost(): QueryHost {
    return {
      store: this.store,
      definition: () => this.definition,
      zone: () => this.zone,
      refresh: () => this.refresh(),
      filters: () => this.filters.values,
      applyFilters: (values) => this.filters.show(values, this.zone),
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
      case 'identity': return this.state.setIdentity(message.identity);
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

  private layout(): HTMLElement {
    const heading = composePanel(this.root, {
      filters: this.filters.slot,
      toolbar: this.toolbar.element,
      banner: this.banner.element,
      histogram: this.time.histogram.element,
      table: [this.scroll.tail.button, this.grid.element, this.empty.element],
      facets: this.facets.element,
      detail: this.detail.pane.element,
      statusLine: this.statusLine.element,
    });
    this.statusLine.element.prepend(this.time.status);
    this.toolbar.setSeverities(this.levels.shownLevels);
    document.addEventListener('keydown', (event) => this.onGlobalKey(event));
    return heading;
  }

  private init(message: Extract<Notification, { type: 'init' }>): void {
    this.definition = message.definition;
    this.heading.textContent = message.title;
    if (message.identity) this.state.setIdentity({ ...message.identity, filters: message.filters });
    this.filters.init(message.definition, message.filters, this.time.picker.element);
    this.time.init(message.definition.columns, message.timeRange, message.settings.timeZone);
    this.columns.setDefinition(message.definition.columns);
    if (message.layout) this.columns.apply(message.layout);
    else this.actions.layoutChanged(this.columns.snapshot());
    this.toolbar.setFlags(message.definition.columns, this.levels.hiddenFlags);
    this.grid.painter.rowContextSection = message.definition.hasHttpRequest ? 'httpRow' : 'logRow';
    this.setTimeZone(message.settings.timeZone, false, message.settings);
    this.columnControls.apply();
    if (message.query !== undefined) this.query.setText(message.query, false);
    else this.query.start();
  }

  private onRows(mode: 'replace' | 'append' | 'prepend', rows: readonly LogRow[]): void {
    if (mode === 'replace' || this.store.rows.length === 0) this.columnControls.fitTo(rows);
    if (mode === 'replace') {
      this.store.replace(rows);
      this.scroll.replaced();
      if (this.detail.row && this.store.indexOfId(this.detail.row.id) < 0) this.detail.pane.hide();
    } else if (mode === 'append') {
      this.rowChange = { mode, from: this.store.rows.length };
      this.store.append(rows);
    } else {
      this.rowChange = { mode, count: rows.length };
      this.store.prepend(rows);
      this.scroll.prepended(rows.length, this.columns.sort !== undefined);
    }
    this.refresh();
    if (mode === 'replace') this.scroll.restoreAnchor();
    this.store.indexWhenIdle();
  }

  private refresh(): void {
    const selectedId = this.grid.selectedRow?.id;
    const shown = this.view.update({
      sortColumn: this.columns.sortColumn(),
      descending: this.columns.sort?.direction === 'desc',
      predicate: this.query.predicate(),
      timeSlice: this.query.timeSlice,
      narrowing: { node: this.query.appliedNode, scope: this.zone },
      severities: this.levels.shownLevels,
      hiddenFlags: this.levels.hiddenFlags,
    });
    const highlight = this.query.highlighter();
    this.grid.painter.highlight = highlight;
    const viewKey = `${this.query.queryText}|${this.levels.key}`;
    this.time.shown(this.store.rows, shown, { key: viewKey, version: this.store.version, change: this.rowChange }, this.status);
    this.rowChange = undefined;
    const sorted = this.columns.sortColumn() !== undefined;
    this.grid.setRows(this.store.rows, shown, selectedId, gapSlots(this.gaps, shown, (id) => this.store.indexOfId(id), sorted));
    this.detail.follow(highlight, (id) => id === this.grid.selectedRow?.id || this.view.isShown(this.store.indexOfId(id)));
    this.facets.update(this.columns.visible(), this.store, shown);
    this.statusLine.update(this.status, shown.length, this.settings);
    const loading = !this.status || this.status.activity === 'first';
    const view = { shown: shown.length, loaded: this.store.rows.length, loading, failed: this.error !== null, query: this.query.queryText.trim(), hiddenLevels: this.levels.hiddenLevels() };
    this.empty.update(view, this.definition?.filters, this.filters.values);
    this.grid.element.hidden = !this.empty.element.hidden;
  }

  private onGlobalKey(event: KeyboardEvent): void {
    if (event.key === '/' && !isEditable(event)) {
      event.preventDefault();
      this.query.line.input.focus();
    } else if (event.key === 'Escape' && this.detail.row && !isEditable(event)) {
      this.detail.close();
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
    this.levels.showAll(this.definition?.columns ?? []);
    this.query.setText('', false);
  }

  private setTimeZone(zone: TimeZoneMode, fromUser: boolean, settings?: PanelSettings): void {
    this.settings = settings ?? (this.settings ? { ...this.settings, timeZone: zone } : undefined);
    this.grid.painter.timeZone = zone;
    this.time.setZone(zone);
    this.toolbar.setTimeZone(zone);
    this.filters.render(zone);
    if (fromUser) this.actions.setTimeZone(zone);
    this.detail.redraw();
    this.refresh();
  }
}
