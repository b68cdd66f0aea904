/**
 * When to poll the watches: every `intervalMs`, never two polls at once, paused while the window is unfocused (a
 * poll that fell due meanwhile runs as soon as focus returns), idle while there is nothing to watch. No `vscode`;
 * timers and clock are injected so the unit tests run it on fake time.
 */
import type { SchedulerClock } from '../util/singleTimer';
import { SingleTimer, realClock } from '../util/singleTimer';

export class WatchScheduler {
  private readonly timer: SingleTimer;
  private running = false;
  private lastRun: number | undefined;
  private focused = true;
  private active = false;
  private disposed = false;
  /** A poll asked for explicitly (a new watch's baseline) runs even while unfocused. */
  private forced = false;

  constructor(
    private readonly poll: () => Promise<void>,
    private intervalMs: number,
    private readonly clock: SchedulerClock = realClock,
  ) {
    this.timer = new SingleTimer(clock);
  }

  /** Whether there is anything to watch. */
  setActive(active: boolean): void {
    this.active = active;
    this.reschedule();
  }

  setFocused(focused: boolean): void {
    this.focused = focused;
    this.reschedule();
  }

  setInterval(intervalMs: number): void {
    this.intervalMs = intervalMs;
    this.reschedule();
  }

  /** Polls now, even while unfocused (a new watch takes its baseline at once); after a running poll if there is one. */
  pollNow(): void {
    this.lastRun = undefined;
    this.forced = true;
    this.reschedule();
  }

  get paused(): boolean {
    return !this.focused;
  }

  dispose(): void {
    this.disposed = true;
    this.timer.clear();
  }

  private reschedule(): void {
    this.timer.clear();
    if (this.disposed || !this.active || (!this.focused && !this.forced) || this.running) return;
    const due = this.lastRun === undefined ? 0 : Math.max(0, this.lastRun + this.intervalMs - this.clock.now());
    this.timer.arm(due, () => void this.run());
  }

  private async run(): Promise<void> {
    this.running = true;
    this.forced = false;
    this.lastRun = this.clock.now();
    try {
      await this.poll();
    } finally {
      this.running = false;
      this.reschedule();
    }
  }
}
