import type { Highlighter } from '../../src/protocol/query/highlight';
import type { TimeZoneMode } from '../../src/protocol/logTable';
import type { DetailSection, JsonValue, LogRow, StreamDefinition } from '../../src/protocol/streamDefinition';
import { button } from '../controls/toolkit';
import { formatTime } from '../format/formatTime';
import { parseJsonText, renderJson, showAll } from './jsonView';
import { appendLinkified } from './linkify';
import { callEventsSection, type LoadCallEvents } from './callEvents';
import { setMarkedText } from '../query/marks';
import { filterText } from '../query/valueCounts';

/** The intents the pane sends (the actions layer); always called as methods, never detached. */
export interface DetailActions {
  copyText(text: string): void;
  copyRowAsJson(rowId: string): void;
  openRowAsJson(rowId: string): void;
  copyCurl(rowId: string): void;
  findCallSites(rowId: string): void;
  openLink(url: string): void;
  listCallEvents: LoadCallEvents;
}

/** Adds `field:value` (or `-field:value`) to the query. */
export type FilterTo = (field: string, value: string, negate: boolean) => void;

const longField = 2_000;

type Entry = readonly [key: string, value: JsonValue, shown?: string];

function timeText(epochMs: number, zone: TimeZoneMode): string {
  return `${formatTime(epochMs, zone)}${zone === 'utc' ? ' UTC' : ''} (${epochMs})`;
}

/** The side pane with every field of one row and the stream's detail sections (JSON pretty-printed). */
export class DetailPane {
  readonly element = document.createElement('aside');
  row: LogRow | undefined;
  /** Marks the parts of field values the query matched. */
  highlight: Highlighter | undefined;
  private readonly openLink = (url: string) => this.actions.openLink(url);
  private readonly filteredNote = document.createElement('p');

  constructor(
    private readonly actions: DetailActions,
    private readonly onClose: () => void,
    private readonly filterTo: FilterTo,
  ) {
    this.element.className = 'detail';
    // A region, not a complementary landmark: it sits inside the page's main landmark, next to the rows it details.
    this.element.setAttribute('role', 'region');
    this.element.setAttribute('aria-label', 'Row details');
    this.element.hidden = true;
    this.filteredNote.className = 'detail-filtered';
    this.filteredNote.setAttribute('role', 'status');
    this.filteredNote.textContent = 'This row is hidden by the current query or level filters.';
    this.filteredNote.hidden = true;
  }

  /**
   * Says whether the list still shows the row. The pane stays open when filters hide it (focus and the reader's
   * place are kept; the next keystroke may show the row again).
   */
  setFiltered(filtered: boolean): void {
    this.filteredNote.hidden = !filtered;
  }

  show(row: LogRow, definition: StreamDefinition, zone: TimeZoneMode): void {
    this.row = row;
    this.element.hidden = false;
    this.element.replaceChildren(this.toolbar(row, definition), this.filteredNote);
    for (const section of definition.details) {
      this.element.append(
        section.format === 'callEvents'
          ? callEventsSection(section.title, row.id, (id) => this.actions.listCallEvents(id), zone)
          : this.section(row, section),
      );
    }
    this.element.append(this.allFields(row, definition, zone));
  }

  hide(): void {
    this.row = undefined;
    this.filteredNote.hidden = true;
    this.element.hidden = true;
    this.element.replaceChildren();
  }

  private toolbar(row: LogRow, definition: StreamDefinition): HTMLElement {
    const bar = document.createElement('div');
    bar.className = 'detail-toolbar';
    const title = document.createElement('h2');
    title.textContent = 'Row details';
    bar.append(
      title,
      button('Copy JSON', 'secondary', () => this.actions.copyRowAsJson(row.id)),
      button('Open JSON', 'secondary', () => this.actions.openRowAsJson(row.id)),
    );
    if (definition.hasHttpRequest) {
      const find = button('Find Call Sites', 'secondary', () => this.actions.findCallSites(row.id));
      find.title = 'Find the code in this workspace that sends this request';
      bar.append(button('Copy as cURL', 'secondary', () => this.actions.copyCurl(row.id)), find);
    }
    const close = button('✕', 'icon', () => this.onClose());
    close.classList.add('detail-close');
    close.setAttribute('aria-label', 'Close details');
    close.title = 'Close details (Escape)';
    bar.append(close);
    return bar;
  }

  private section(row: LogRow, section: DetailSection): HTMLElement {
    const value = row.fields[section.field];
    const box = sectionBox(section.title, () => this.actions.copyText(copyable(value)));
    if (value === undefined || value === null) box.append(note('(empty)'));
    else if (section.format === 'json') box.append(this.jsonOrText(value));
    else if (section.format === 'fields' && typeof value === 'object' && !Array.isArray(value))
      box.append(this.fieldList(Object.entries(value), false));
    else box.append(this.textBlock(copyable(value)));
    return box;
  }

  private jsonOrText(value: JsonValue): HTMLElement {
    const parsed = parseJsonText(value);
    return parsed === undefined ? this.textBlock(copyable(value)) : renderJson(parsed, this.openLink);
  }

  private allFields(row: LogRow, definition: StreamDefinition, zone: TimeZoneMode): HTMLElement {
    const box = sectionBox('All fields', () => this.actions.copyText(JSON.stringify(row.fields, null, 2)));
    const timeKeys = new Set(definition.columns.filter((c) => c.type === 'time').map((c) => c.key));
    const fieldValues = new Set(Object.values(row.fields));
    const derived: Entry[] = [['(id)', row.id], ['(time)', row.time, timeText(row.time, zone)], ['(severity)', row.severity]];
    // The row's id and time usually are fields already; list a derived value only when it adds something.
    const entries = derived.filter(([, value]) => !fieldValues.has(value));
    for (const [key, value] of Object.entries(row.fields)) {
      entries.push([key, value, timeKeys.has(key) && typeof value === 'number' ? timeText(value, zone) : undefined]);
    }
    box.append(this.fieldList(entries, true));
    return box;
  }

  /** Each entry shows `shown` when given (formatted times) and copies the raw value; row fields can filter. */
  private fieldList(entries: readonly Entry[], filterable: boolean): HTMLElement {
    const list = document.createElement('dl');
    list.className = 'fields';
    for (const [key, value, shown] of entries) {
      const term = document.createElement('dt');
      term.textContent = key;
      const definition = document.createElement('dd');
      const text = document.createElement('span');
      text.className = 'field-value';
      const content = shown ?? copyable(value);
      const ranges = content.length <= longField ? this.highlight?.(content, key) ?? [] : [];
      if (ranges.length > 0) setMarkedText(text, content, ranges);
      else appendCut(text, content, this.openLink);
      const copy = button('Copy', 'icon', () => this.actions.copyText(copyable(value)));
      copy.setAttribute('aria-label', `Copy ${key}`);
      copy.title = `Copy ${key}`;
      definition.append(text, copy);
      const filterValue = filterable && !key.startsWith('(') ? filterText(value) : undefined;
      if (filterValue !== undefined) definition.append(...this.filterButtons(key, filterValue));
      list.append(term, definition);
    }
    return list;
  }

  private filterButtons(key: string, value: string): HTMLElement[] {
    return [['+', 'Filter to this value', false], ['−', 'Exclude this value', true]].map(([label, title, negate]) => {
      const control = button(String(label), 'icon', () => this.filterTo(key, value, negate === true));
      control.setAttribute('aria-label', `${title}: ${key}`);
      control.title = `${title} (${key})`;
      return control;
    });
  }

  private textBlock(text: string): HTMLElement {
    const pre = document.createElement('pre');
    pre.className = 'raw';
    appendCut(pre, text, this.openLink);
    return pre;
  }
}

function appendCut(target: HTMLElement, text: string, openLink: (url: string) => void): void {
  appendLinkified(target, text.length > longField ? text.slice(0, longField) : text, openLink);
  if (text.length > longField) target.append(showAll(target, text, openLink));
}

function sectionBox(title: string, onCopy: () => void): HTMLElement {
  const box = document.createElement('section');
  box.className = 'detail-section';
  const heading = document.createElement('h3');
  heading.textContent = title;
  const copy = button('Copy', 'icon', onCopy);
  copy.setAttribute('aria-label', `Copy ${title}`);
  copy.title = `Copy ${title}`;
  const header = document.createElement('div');
  header.className = 'section-header';
  header.append(heading, copy);
  box.append(header);
  return box;
}

function note(text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'note';
  span.textContent = text;
  return span;
}

/** The text a copy action puts on the clipboard: strings as they are, anything else as pretty JSON. */
export function copyable(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
