import type { Page } from 'playwright-core';

/**
 * Runs in the page (install with `page.evaluate(installFrameTimer)`): times a user action as the user waits for it.
 * `__timeAction(act)` returns
 * - `sync`: the action's handlers plus the style and layout they cause (forced with `offsetHeight`, as the next
 *   frame would do it), and
 * - `frame`: that, plus the next `frames` frames' main-thread work: every animation-frame callback (histogram
 *   drawing, grid renders scheduled for the frame), style, layout, paint and commit. A frame's work runs from its
 *   first callback until a message posted from its last one arrives (the browser renders in between). Waiting
 *   for a frame to begin (vsync) is not counted: that depends on when in the frame the key was pressed.
 * Before the action a frame passes (so the measured frames hold only its work), unless `settle` is false: the
 * first key after new rows arrived is pressed at once, before idle time could prepare anything.
 */
export function installFrameTimer(): void {
  const w = window as unknown as Record<string, unknown>;
  const original = window.requestAnimationFrame.bind(window);
  // The first callback of a frame (callbacks of one frame get the same timestamp) marks its start.
  let frameTime = -1;
  let frameStart = 0;
  const mark = (time: number) => {
    if (time === frameTime) return;
    frameTime = time;
    frameStart = performance.now();
  };
  window.requestAnimationFrame = (callback) =>
    original((time) => {
      mark(time);
      callback(time);
    });
  /** The next frame's main-thread work in ms (from its first callback until after it rendered). */
  const nextFrameWork = () =>
    new Promise<number>((done) => {
      original((time) => {
        mark(time);
        const start = frameStart;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(performance.now() - start);
        channel.port2.postMessage(0);
      });
    });
  w.__timeAction = async (act: () => void, options: { settle?: boolean; frames?: number } = {}): Promise<{ sync: number; frame: number }> => {
    if (options.settle !== false) await nextFrameWork();
    const start = performance.now();
    act();
    void document.body.offsetHeight;
    const sync = performance.now() - start;
    let frame = sync;
    for (let i = 0; i < (options.frames ?? 1); i++) frame += await nextFrameWork();
    return { sync, frame };
  };
}

/** The page-side type of `__timeAction`. */
export type TimeAction = (act: () => void, options?: { settle?: boolean; frames?: number }) => Promise<{ sync: number; frame: number }>;

/**
 * The page's main-thread CPU time in ms so far (CDP `Performance` ThreadTime): what work costs on a machine shared
 * with others, where wall clock also counts waiting for a core. A reading costs the page a little CPU itself.
 */
export async function threadTimer(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return (metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
  };
}
