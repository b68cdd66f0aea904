import { strict as assert } from 'node:assert';
import { apiRows, snapshot } from './fixtures';
import { type PanelPage, usePanelPages } from './harness';

/**
 * In the page: receives one older page (status "older", the rows, status "idle"), then times what a user waits
 * for when pressing Load older next: the status updates a load sends (each redraws the grid) and the click, until
 * the `loadOlder` request is posted. `huge`: the page's 4th row carries a 1 MB JSON body in a shown column (built
 * in the page, so neither the harness nor the message transfer — the page's fair share — is timed).
 */
function timeNextRequest(panel: PanelPage, start: number, huge: boolean): Promise<number> {
  const rows: unknown = apiRows(100, start);
  return panel.page.evaluate(
    async ({ rows, huge }: { rows: { fields: Record<string, unknown> }[]; huge: boolean }) => {
      if (huge) {
        const items = Array.from({ length: 28_000 }, (_, i) => ({ i, text: 'abcdefghijklmnopqrstuvwxyz0123456789' }));
        rows[3].fields.url = { items };
      }
      const posted = (window as unknown as { __posted: { type: string }[] }).__posted;
      const before = posted.filter((m) => m.type === 'loadOlder').length;
      const status = (activity: string) => ({ type: 'status', status: { activity, loaded: 0, more: true, dropped: 0, liveTail: false, tailPaused: false } });
      const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
      window.postMessage({ type: 'rows', mode: 'replace', rows }, '*');
      await tick();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const started = performance.now();
      for (let i = 0; i < 20; i++) {
        window.postMessage(status(i % 2 === 0 ? 'older' : 'idle'), '*');
        await tick();
      }
      const button = Array.from(document.querySelectorAll('.status-line vscode-button')).find((b) => b.textContent === 'Load older') as HTMLElement;
      button.click();
      while (posted.filter((m) => m.type === 'loadOlder').length === before) await tick();
      return performance.now() - started;
    },
    { rows: rows as { fields: Record<string, unknown> }[], huge },
  );
}

describe('webview: a page holding a 1 MB cell', function () {
  this.timeout(120_000);
  const pages = usePanelPages();

  it('delays the next Load older no more than a normal page does (generous ratio, median of 5)', async () => {
    const panel = pages.panel;
    await panel.notify(...snapshot(apiRows(100), { more: true }));
    const normal: number[] = [];
    const huge: number[] = [];
    for (let round = 0; round < 5; round++) {
      normal.push(await timeNextRequest(panel, 1000 + round * 200, false));
      huge.push(await timeNextRequest(panel, 1100 + round * 200, true));
    }
    const median = (list: number[]) => list.slice().sort((a, b) => a - b)[Math.floor(list.length / 2)];
    const ratio = median(huge) / Math.max(median(normal), 1);
    assert.ok(ratio < 3, `next request after a 1 MB cell page: ${median(huge).toFixed(0)} ms, after a normal page: ${median(normal).toFixed(0)} ms (${ratio.toFixed(1)}×)`);
  });
});
