import { strict as assert } from 'node:assert';
import type { SchedulerClock } from '../../../src/util/singleTimer';
import { WatchScheduler } from '../../../src/watch/watchScheduler';

/** Fake time: timers run only when the test advances the clock. */
class FakeClock implements SchedulerClock {
  time = 0;
  private timers: { at: number; run: () => void; id: number }[] = [];
  private nextId = 1;
  now(): number {
    return this.time;
  }
  setTimeout(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, run, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }
  get pending(): number {
    return this.timers.length;
  }
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.time = due.at;
      due.run();
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.time = end;
  }
}

describe('watch scheduler', () => {
  let clock: FakeClock;
  let polls: number[];
  let scheduler: WatchScheduler;

  beforeEach(() => {
    clock = new FakeClock();
    polls = [];
    scheduler = new WatchScheduler(async () => void polls.push(clock.now()), 60_000, clock);
  });

  afterEach(() => scheduler.dispose());

  it('does nothing while there is nothing to watch', async () => {
    await clock.advance(600_000);
    assert.deepEqual(polls, []);
    assert.equal(clock.pending, 0);
  });

  it('polls at once, then every interval', async () => {
    scheduler.setActive(true);
    await clock.advance(150_000);
    assert.deepEqual(polls, [0, 60_000, 120_000]);
  });

  it('pauses while unfocused and polls as soon as focus returns when a poll fell due', async () => {
    scheduler.setActive(true);
    await clock.advance(10_000);
    scheduler.setFocused(false);
    await clock.advance(300_000);
    assert.deepEqual(polls, [0]);
    assert.equal(clock.pending, 0);
    scheduler.setFocused(true);
    await clock.advance(0);
    assert.deepEqual(polls, [0, 310_000]);
  });

  it('runs an explicit poll while unfocused, then stays paused', async () => {
    scheduler.setActive(true);
    scheduler.setFocused(false);
    scheduler.pollNow();
    await clock.advance(300_000);
    assert.deepEqual(polls, [0]);
    assert.equal(clock.pending, 0);
  });

  it('keeps the interval when focus returns before a poll is due', async () => {
    scheduler.setActive(true);
    await clock.advance(10_000);
    scheduler.setFocused(false);
    await clock.advance(20_000);
    scheduler.setFocused(true);
    await clock.advance(40_000);
    assert.deepEqual(polls, [0, 60_000]);
  });

  it('never runs two polls at once', async () => {
    let release: () => void = () => undefined;
    let running = 0;
    let most = 0;
    const slow = new WatchScheduler(
      () => {
        running++;
        most = Math.max(most, running);
        return new Promise<void>((resolve) => (release = () => (running--, resolve())));
      },
      1_000,
      clock,
    );
    slow.setActive(true);
    await clock.advance(0);
    slow.pollNow();
    await clock.advance(5_000);
    assert.equal(most, 1);
    assert.equal(clock.pending, 0);
    release();
    await clock.advance(0);
    assert.equal(clock.pending, 1);
    slow.dispose();
  });

  it('follows a new interval', async () => {
    scheduler.setActive(true);
    await clock.advance(0);
    scheduler.setInterval(15_000);
    await clock.advance(30_000);
    assert.deepEqual(polls, [0, 15_000, 30_000]);
  });
});
