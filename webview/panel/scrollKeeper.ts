import type { PanelStatus } from '../../src/protocol/logTable';
import { rowHeight, type Grid } from '../grid/grid';
import type { StateStore } from '../state';
import { TailTracker } from './tailTracker';

export interface ScrollActions {
  setTailPaused(paused: boolean): void;
  loadOlder(): void;
}

/**
 * Where the user is in the rows: the live-tail pause and new-row count, asking for older rows at the end (once per
 * page), keeping the view still when rows arrive above it, and the first row in view saved and restored.
 */
export class ScrollKeeper {
  readonly tail: TailTracker;
  private anchor: string | undefined;
  private autoLoadedAt = -1;

  constructor(
    private readonly grid: Grid,
    private readonly state: StateStore,
    private readonly actions: ScrollActions,
  ) {
    this.anchor = state.ui.scrollAnchor;
    this.tail = new TailTracker((paused) => actions.setTailPaused(paused), () => grid.scrollToPosition(0));
  }

  /** Live-tail rows arrived above: when scrolled away (and unsorted), keep the same rows in view and count them. */
  prepended(count: number, sorted: boolean): void {
    if (this.grid.scrollOffset <= 0 || sorted) return;
    this.tail.added(count);
    this.grid.scrollByRows(count);
  }

  /** A new result set arrived: the saved first row comes back into view (once). */
  replaced(): void {
    this.tail.reset();
  }

  restoreAnchor(): void {
    if (this.anchor === undefined) return;
    const position = this.grid.positionOf(this.anchor);
    this.anchor = undefined;
    if (position > 0) this.grid.scrollToPosition(position);
  }

  onScroll(top: number, atEnd: boolean, status: PanelStatus | undefined, rowCount: number): void {
    this.tail.onScroll(top, top > rowHeight, status?.liveTail === true);
    if (atEnd && top > 0 && status?.more && status.activity === 'idle' && this.autoLoadedAt !== rowCount) {
      this.autoLoadedAt = rowCount;
      this.actions.loadOlder();
    }
    const position = Math.min(this.grid.firstVisible(), this.grid.count - 1);
    const anchor = top > 0 && position >= 0 ? this.grid.rowAt(position)?.id : undefined;
    if (anchor !== this.state.ui.scrollAnchor) this.state.updateUi({ scrollAnchor: anchor });
  }
}
