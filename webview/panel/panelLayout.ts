/** The panel's parts, top to bottom; the table area holds the grid, facets and detail pane side by side. */
export interface PanelParts {
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

/**
 * Puts the parts into `root` in reading order, under the page's one level-one heading (the stream's title, for
 * screen readers: VS Code shows it on the tab), which it returns.
 */
export function composePanel(root: HTMLElement, parts: PanelParts): HTMLElement {
  const heading = document.createElement('h1');
  heading.className = 'visually-hidden';
  heading.textContent = document.title;
  const table = document.createElement('div');
  table.className = 'table-area';
  table.append(...parts.table);
  const content = document.createElement('div');
  content.className = 'content';
  content.append(table, parts.facets, parts.detail);
  root.replaceChildren(heading, parts.filters, parts.toolbar, parts.banner, parts.histogram, content, parts.statusLine);
  return heading;
}
