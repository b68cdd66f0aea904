import * as assert from 'node:assert/strict';
import type { SchedulerClock } from '../../../src/util/singleTimer';
import { SingleTimer } from '../../../src/util/singleTimer';

/** Timers that run only when the test advances the time. */
class ManualClock implements SchedulerClock {
  private time = 0;
  private readonly timers = new Map<number, { at: number; run: () => void }>();
  private nextId = 1;

  now(): number {
    return this.time;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, run });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  advance(ms: number): void {
    this.time += ms;
    for (const [id, timer] of [...this.timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > this.time) continue;
      this.timers.delete(id);
      timer.run();
    }
  }
}

describe('SingleTimer (the pending run of a polling loop)', () => {
  it('keeps the earlier run when armed again while one is pending, and can arm again once it ran', () => {
    const clock = new ManualClock();
    const timer = new SingleTimer(clock);
    const runs: string[] = [];
    timer.arm(100, () => runs.push('first'));
    timer.arm(10, () => runs.push('second'));
    clock.advance(50);
    assert.deepEqual([...runs], []);
    clock.advance(50);
    assert.deepEqual([...runs], ['first']);
    timer.arm(10, () => runs.push('third'));
    clock.advance(10);
    assert.deepEqual([...runs], ['first', 'third']);
  });

  it('drops the pending run when cleared, and then arms a new one', () => {
    const clock = new ManualClock();
    const timer = new SingleTimer(clock);
    const runs: string[] = [];
    timer.arm(100, () => runs.push('dropped'));
    timer.clear();
    timer.arm(20, () => runs.push('kept'));
    clock.advance(200);
    assert.deepEqual([...runs], ['kept']);
  });
});
