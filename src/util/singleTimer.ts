/**
 * The one pending run of a polling loop (live tail, the error watcher): arming while a run is pending keeps the
 * earlier one, clearing drops it. Timers and clock are injected so unit tests run the loops on fake time.
 */

export interface SchedulerClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: SchedulerClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class SingleTimer {
  private handle: unknown;
  private pending = false;

  constructor(private readonly clock: SchedulerClock = realClock) {}

  /** Runs `run` after `ms`, unless a run is already pending. */
  arm(ms: number, run: () => void): void {
    if (this.pending) return;
    this.pending = true;
    this.handle = this.clock.setTimeout(() => {
      this.pending = false;
      this.handle = undefined;
      run();
    }, ms);
  }

  clear(): void {
    if (this.pending) this.clock.clearTimeout(this.handle);
    this.pending = false;
    this.handle = undefined;
  }
}
