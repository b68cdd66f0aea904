import type { Highlighter } from '../../src/protocol/query/highlight';
import type { TimeZoneMode } from '../../src/protocol/logTable';
import type { LogRow, StreamDefinition } from '../../src/protocol/streamDefinition';
import { DetailPane, type DetailActions, type FilterTo } from './detailPane';

export interface RowDetailContext {
  definition(): StreamDefinition | undefined;
  zone(): TimeZoneMode;
  /** The pane was closed: focus goes back to the rows. */
  closed(): void;
}

/** The detail pane kept in step with the panel: the query's highlight, the time zone, and whether the row is shown. */
export class RowDetail {
  readonly pane: DetailPane;

  constructor(actions: DetailActions, filterTo: FilterTo, private readonly context: RowDetailContext) {
    this.pane = new DetailPane(actions, () => this.close(), filterTo);
  }

  get row(): LogRow | undefined {
    return this.pane.row;
  }

  show(row: LogRow): void {
    const definition = this.context.definition();
    if (definition) this.pane.show(row, definition, this.context.zone());
  }

  /** Draws the open row again (the time zone changed). */
  redraw(): void {
    if (this.pane.row) this.show(this.pane.row);
  }

  /** The view was refreshed: marks follow the query, and the pane says when filters hide its row. */
  follow(highlight: Highlighter | undefined, isShown: (rowId: string) => boolean): void {
    if (this.pane.highlight !== highlight) {
      this.pane.highlight = highlight;
      this.redraw();
    }
    if (this.pane.row) this.pane.setFiltered(!isShown(this.pane.row.id));
  }

  close(): void {
    this.pane.hide();
    this.context.closed();
  }
}
