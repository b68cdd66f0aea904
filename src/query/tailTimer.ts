/** One pending live-tail poll at most: scheduling again while one is pending keeps the earlier one. */
export class TailTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly tick: () => void) {}

  schedule(delayMs: number): void {
    if (this.timer !== undefined) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.tick();
    }, delayMs);
  }

  clear(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}
