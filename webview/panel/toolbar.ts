import type { ExportFormat, TimeZoneMode } from '../../src/protocol/logTable';
import type { ColumnDef, Severity } from '../../src/protocol/streamDefinition';
import { button, checkbox, type CheckboxElement } from '../controls/toolkit';
import { popupMenu, type MenuItem } from './popupMenu';

export const severities: readonly Severity[] = ['error', 'warning', 'info', 'debug'];
const severityLabels: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info', debug: 'Debug' };
const formats: readonly [ExportFormat, string][] = [['csv', 'CSV'], ['json', 'JSON'], ['ndjson', 'NDJSON']];

export interface ToolbarActions {
  onSeverity(severity: Severity, shown: boolean): void;
  /** A `flag` column's toggle: show or hide the rows it marks. */
  onFlag(key: string, shown: boolean): void;
  onLiveTail(enabled: boolean): void;
  onTimeZone(zone: TimeZoneMode): void;
  onToggleColumn(key: string): void;
  onExport(format: ExportFormat, filteredOnly: boolean): void;
  columns(): readonly { readonly column: ColumnDef; readonly hidden: boolean }[];
  /** Whether the query or level toggles hide some loaded rows. */
  isFiltered(): boolean;
}

/** The query line, level toggles, live tail, time zone, columns and export, above the table. */
export class Toolbar {
  readonly element = document.createElement('div');
  private readonly severityBoxes = new Map<Severity, CheckboxElement>();
  private readonly liveTail: CheckboxElement;
  private readonly flags = document.createElement('div');
  private readonly zoneButton: HTMLElement;
  private zone: TimeZoneMode = 'local';

  constructor(
    private readonly actions: ToolbarActions,
    queryLine: HTMLElement,
  ) {
    this.element.className = 'toolbar';
    const levels = document.createElement('div');
    levels.className = 'levels';
    levels.setAttribute('role', 'group');
    levels.setAttribute('aria-label', 'Levels shown');
    for (const severity of severities) {
      const box = checkbox(severityLabels[severity], true, (shown) => actions.onSeverity(severity, shown));
      box.classList.add(`tone-${severity}`);
      this.severityBoxes.set(severity, box);
      levels.append(box);
    }
    this.flags.className = 'levels';
    this.flags.setAttribute('role', 'group');
    this.flags.setAttribute('aria-label', 'Marked rows shown');
    this.flags.hidden = true;
    this.liveTail = checkbox('Live tail', false, (enabled) => actions.onLiveTail(enabled));
    this.zoneButton = button('Local time', 'secondary', () => actions.onTimeZone(this.zone === 'utc' ? 'local' : 'utc'));
    this.zoneButton.title = 'Show times in UTC or local time';
    this.element.append(queryLine, levels, this.flags, this.liveTail, this.zoneButton, this.columnsMenu(), this.exportMenu());
  }

  setSeverities(shown: ReadonlySet<Severity>): void {
    for (const [severity, box] of this.severityBoxes) if (box.checked !== shown.has(severity)) box.checked = shown.has(severity);
  }

  /** One "show" toggle per `flag` column of the stream (e.g. SignalWire's discarded voice logs). */
  setFlags(columns: readonly ColumnDef[], hidden: ReadonlySet<string>): void {
    const flags = columns.filter((column) => column.type === 'flag');
    this.flags.replaceChildren(
      ...flags.map((column) => {
        const box = checkbox(column.title, !hidden.has(column.key), (shown) => this.actions.onFlag(column.key, shown));
        box.title = `Show rows marked ${column.title.toLowerCase()}`;
        return box;
      }),
    );
    this.flags.hidden = flags.length === 0;
  }

  setLiveTail(enabled: boolean): void {
    if (this.liveTail.checked !== enabled) this.liveTail.checked = enabled;
  }

  setTimeZone(zone: TimeZoneMode): void {
    this.zone = zone;
    this.zoneButton.textContent = zone === 'utc' ? 'UTC' : 'Local time';
    this.zoneButton.setAttribute('aria-label', `Times shown in ${zone === 'utc' ? 'UTC' : 'local time'}; switch`);
  }

  private columnsMenu(): HTMLElement {
    return popupMenu('Columns', () =>
      this.actions.columns().map(({ column, hidden }): MenuItem => ({
        label: column.title,
        checked: !hidden,
        run: () => this.actions.onToggleColumn(column.key),
      })),
    );
  }

  private exportMenu(): HTMLElement {
    return popupMenu('Export', () => {
      const filtered = this.actions.isFiltered();
      const items: MenuItem[] = formats.map(([format, label]) => ({
        label: `Loaded rows as ${label}…`,
        run: () => this.actions.onExport(format, false),
      }));
      for (const [format, label] of formats) {
        items.push({ label: `Shown rows as ${label}…`, disabled: !filtered, run: () => this.actions.onExport(format, true) });
      }
      return items;
    });
  }
}
