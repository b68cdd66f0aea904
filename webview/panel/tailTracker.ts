/**
 * Live tail as the user sees it: tells the host to pause polling while the view is scrolled away from the
 * newest rows (and to resume when back at the top), and counts rows that arrived above the view.
 */
export class TailTracker {
  readonly button = document.createElement('button');
  private newRows = 0;
  private pausedSent = false;

  constructor(
    private readonly setTailPaused: (paused: boolean) => void,
    scrollToTop: () => void,
  ) {
    this.button.className = 'new-rows';
    this.button.type = 'button';
    this.button.hidden = true;
    this.button.addEventListener('click', scrollToTop);
  }

  /** A new result set: nothing is new any more. */
  reset(): void {
    this.newRows = 0;
    this.update();
  }

  /** Rows were prepended above a view the user scrolled away from. */
  added(count: number): void {
    this.newRows += count;
    this.update();
  }

  /** `away`: the newest rows are out of view. */
  onScroll(top: number, away: boolean, liveTail: boolean): void {
    if (top <= 0 && this.newRows > 0) this.reset();
    if (liveTail && away !== this.pausedSent) {
      this.pausedSent = away;
      this.setTailPaused(away);
    }
  }

  private update(): void {
    this.button.hidden = this.newRows === 0;
    this.button.textContent = `↑ ${this.newRows.toLocaleString('en-US')} new rows`;
  }
}
