import type { Range as TextRange } from '../../src/protocol/query/highlight';
import { setMarkedText } from '../query/marks';

/** The name `main.css` styles with `::highlight(query-match)`. */
export const matchHighlight = 'query-match';

/**
 * Query matches in grid cells, painted with the CSS Custom Highlight API: a cell keeps one text node and its marks
 * are ranges of a registered highlight, so a keystroke that changes only the marks writes no element and lays out
 * nothing (marking every "1" in view used to build hundreds of `<mark>` elements per key). Where the API is
 * missing, `<mark>` elements as before.
 */
export class CellMarks {
  private readonly highlight = typeof CSS !== 'undefined' && 'highlights' in CSS ? new Highlight() : undefined;
  private readonly ranges = new WeakMap<HTMLElement, StaticRange[]>();

  constructor() {
    if (this.highlight) CSS.highlights.set(matchHighlight, this.highlight);
  }

  /** Shows `text` in `cell` with `marks`; `textChanged` false when the cell already shows `text` (as a text node). */
  write(cell: HTMLElement, text: string, marks: readonly TextRange[], textChanged: boolean): void {
    const highlight = this.highlight;
    if (!highlight) {
      if (marks.length > 0) setMarkedText(cell, text, marks);
      else cell.textContent = text;
      return;
    }
    for (const range of this.ranges.get(cell) ?? []) highlight.delete(range);
    if (textChanged || cell.childNodes.length > 1) cell.textContent = text;
    const node = cell.firstChild;
    if (!node || marks.length === 0) {
      this.ranges.delete(cell);
      return;
    }
    const ranges = marks.map(([start, end]) => new StaticRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end }));
    for (const range of ranges) highlight.add(range);
    this.ranges.set(cell, ranges);
  }
}
