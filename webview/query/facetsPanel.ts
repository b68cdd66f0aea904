import type { ColumnDef, LogRow, Severity } from '../../src/protocol/streamDefinition';
import type { RowStore } from '../model/rowStore';
import { numberSummary, topValues, type ValueCount } from './valueCounts';

const numericTypes = new Set<ColumnDef['type']>(['number', 'money', 'duration']);
const listed = 6;
const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export interface FacetActions {
  /** Click: `field:value`; Alt+click: `-field:value`. */
  addTerm(field: string, value: string, negate: boolean): void;
  onToggle(open: boolean): void;
}

/**
 * The collapsible side list of each column's top values and counts over the rows shown (numbers as
 * min / median / max). Values are buttons, written as text.
 */
export class FacetsPanel {
  readonly element = document.createElement('aside');
  private readonly body = document.createElement('div');
  private readonly toggle = document.createElement('button');

  constructor(private readonly actions: FacetActions, open: boolean) {
    this.element.className = 'facets';
    this.element.setAttribute('aria-label', 'Facets');
    this.toggle.type = 'button';
    this.toggle.className = 'facets-toggle';
    this.toggle.textContent = 'Facets';
    this.toggle.setAttribute('aria-controls', 'facets-body');
    this.toggle.addEventListener('click', () => this.setOpen(this.body.hidden));
    this.body.id = 'facets-body';
    this.body.className = 'facets-body';
    this.body.addEventListener('click', (event) => this.onClick(event));
    this.element.append(this.toggle, this.body);
    this.setOpen(open, false);
  }

  get open(): boolean {
    return !this.body.hidden;
  }

  /** Recounts (only while open), on the store's numbered values. */
  update(columns: readonly ColumnDef[], store: RowStore, shown: Uint32Array): void {
    if (!this.open) return;
    this.body.replaceChildren(...columns.filter((c) => c.type !== 'time').map((column) => this.section(column, store, shown)));
  }

  private setOpen(open: boolean, notify = true): void {
    this.body.hidden = !open;
    this.element.classList.toggle('open', open);
    this.toggle.setAttribute('aria-expanded', String(open));
    this.toggle.title = open ? 'Hide facets' : 'Show the top values of each column';
    if (notify) this.actions.onToggle(open);
  }

  private section(column: ColumnDef, store: RowStore, shown: Uint32Array): HTMLElement {
    const rows = store.rows;
    const section = document.createElement('section');
    section.className = 'facet';
    const heading = document.createElement('h3');
    heading.textContent = column.title;
    section.append(heading);
    if (numericTypes.has(column.type)) {
      const summary = numberSummary(rows, shown, column.key);
      const line = document.createElement('p');
      line.className = 'facet-summary';
      line.textContent = summary ? `min ${numberFormat.format(summary.min)} · median ${numberFormat.format(summary.median)} · max ${numberFormat.format(summary.max)}` : 'no numbers';
      section.append(line);
      return section;
    }
    const values = column.type === 'level' ? severityCounts(rows, shown) : topValues(store.valueCodes(column.key), shown, listed);
    const field = column.type === 'level' ? 'level' : column.key;
    const list = document.createElement('ul');
    for (const { value, count } of values) list.append(this.valueItem(field, column.title, value, count));
    section.append(list);
    return section;
  }

  private valueItem(field: string, title: string, value: string, count: number): HTMLElement {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'facet-value';
    button.dataset.field = field;
    button.dataset.value = value;
    button.title = `${title} ${value}: click to filter to it, Alt+click to exclude it`;
    const label = document.createElement('span');
    label.className = 'facet-label';
    label.textContent = value === '' ? '(empty)' : value;
    const number = document.createElement('span');
    number.className = 'facet-count';
    number.textContent = count.toLocaleString();
    button.append(label, number);
    item.append(button);
    return item;
  }

  private onClick(event: MouseEvent): void {
    const button = (event.target as HTMLElement).closest<HTMLElement>('.facet-value');
    const { field, value } = button?.dataset ?? {};
    if (field !== undefined && value !== undefined) this.actions.addTerm(field, value, event.altKey);
  }
}

function severityCounts(rows: readonly LogRow[], shown: Uint32Array): ValueCount[] {
  const counts = new Map<Severity, number>();
  for (let i = 0; i < shown.length; i++) counts.set(rows[shown[i]].severity, (counts.get(rows[shown[i]].severity) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([value, count]) => ({ value, count }));
}
