/** The panel's parts, top to bottom; the table area holds the grid, facets and detail pane side by side. */
export interface PanelParts {
  readonly heading: HTMLElement;
  readonly filters: HTMLElement;
  readonly toolbar: HTMLElement;
  readonly banner: HTMLElement;
  readonly histogram: HTMLElement;
  /** Over the grid: the "new rows" button, the grid and the empty state in its place. */
  readonly table: readonly HTMLElement[];
  readonly facets: HTMLElement;
  readonly detail: HTMLElement;
  readonly statusLine: HTMLElement;
}

/** Puts the parts into `root` in reading order. */
export function composePanel(root: HTMLElement, parts: PanelParts): void {
  const table = document.createElement('div');
  table.className = 'table-area';
  table.append(...parts.table);
  const content = document.createElement('div');
  content.className = 'content';
  content.append(table, parts.facets, parts.detail);
  root.replaceChildren(parts.heading, parts.filters, parts.toolbar, parts.banner, parts.histogram, content, parts.statusLine);
}
