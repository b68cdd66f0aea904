import { SingleTimer } from '../util/singleTimer';

/**
 * When live tail polls: switched on, the panel visible, the user at the newest rows, not disposed. At most one poll
 * is pending; scheduling again while one is pending keeps the earlier one.
 */
export class LiveTail {
  private enabled = false;
  private pausedByUser = false;
  private visible = true;
  private disposed = false;
  private readonly timer = new SingleTimer();

  constructor(
    private intervalMs: number,
    private readonly poll: () => void,
  ) {}

  get on(): boolean {
    return this.enabled;
  }

  /** On, but not polling now: hidden or scrolled away. */
  get paused(): boolean {
    return this.pausedByUser || !this.visible;
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.update();
  }

  /** The user scrolled away from the newest rows (paused) or back to them. */
  setPausedByUser(paused: boolean): void {
    this.pausedByUser = paused;
    this.update();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.update();
  }

  setInterval(intervalMs: number): void {
    if (intervalMs === this.intervalMs) return;
    this.intervalMs = intervalMs;
    this.timer.clear();
    this.schedule();
  }

  /** Schedules the next poll if tailing is active. */
  schedule(): void {
    if (this.active()) this.timer.arm(this.intervalMs, this.poll);
  }

  dispose(): void {
    this.disposed = true;
    this.timer.clear();
  }

  private active(): boolean {
    return this.enabled && this.visible && !this.pausedByUser && !this.disposed;
  }

  private update(): void {
    if (this.active()) this.schedule();
    else this.timer.clear();
  }
}
