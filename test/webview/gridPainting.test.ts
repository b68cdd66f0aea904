import { strict as assert } from 'node:assert';
import { apiRows, snapshot } from './fixtures';
import { type PanelPage, usePanelPages } from './harness';

/** URL cells of the row elements on show (not hidden), with the position each one claims. */
const shownUrls = (panel: PanelPage) =>
  panel.page.$$eval('.grid-body .grid-row:not([hidden])', (rows) =>
    rows.map((row) => ({ index: Number(row.getAttribute('aria-rowindex')), url: row.querySelector('[aria-colindex="3"]')?.textContent ?? '' })),
  );

describe('webview grid: painting what changed', function () {
  const pages = usePanelPages();
  let panel: PanelPage;
  beforeEach(() => {
    panel = pages.panel;
  });

  it('typing that keeps the same rows and marks writes nothing into the grid', async () => {
    await panel.notify(...snapshot(apiRows(500)));
    // Every row's response holds "docs.daily.co", and no shown cell holds "docs": the rows and the marks stay.
    const mutations = await panel.page.evaluate(async () => {
      const input = document.querySelector('.query-input') as HTMLInputElement;
      const type = (text: string) => {
        input.value = text;
        input.dispatchEvent(new Event('input'));
      };
      type('d');
      await new Promise((done) => requestAnimationFrame(done));
      const body = document.querySelector('.grid-body') as HTMLElement;
      const seen: string[] = [];
      const observer = new MutationObserver((records) => records.forEach((record) => seen.push(`${record.type} ${record.attributeName ?? ''}`)));
      observer.observe(body, { subtree: true, childList: true, characterData: true, attributes: true });
      for (const text of ['do', 'doc', 'docs', 'docs.']) type(text);
      await Promise.resolve();
      observer.disconnect();
      return { seen, shown: document.querySelector('[role=grid]')?.getAttribute('aria-rowcount') };
    });
    assert.equal(mutations.shown, '501', 'all rows still shown');
    assert.deepEqual(mutations.seen, []);
  });

  it('a new result draws the rows in view at once and never leaves a stale row on show; the overscan follows', async () => {
    await panel.notify(...snapshot(apiRows(2000)));
    const drawn = await panel.page.evaluate(() => {
      const input = document.querySelector('.query-input') as HTMLInputElement;
      input.value = 'url:/v1/rooms/room-1*';
      input.dispatchEvent(new Event('input'));
      return Array.from(document.querySelectorAll('.grid-body .grid-row:not([hidden])'), (row) => row.querySelector('[aria-colindex="3"]')?.textContent ?? '');
    });
    assert.ok(drawn.length > 10, `${drawn.length} rows drawn at once`);
    for (const url of drawn) assert.match(url, /^\/v1\/rooms\/room-1/);
    // Idle callbacks run in the order they were asked for: the grid's (asked for by the key) comes first.
    await panel.page.evaluate(() => new Promise((done) => requestIdleCallback(done)));
    // room-1, room-10..19, room-100..199, room-1000..1999: in the order the host sent them (newest first).
    const expected = [1, ...Array.from({ length: 10 }, (_, i) => 10 + i), ...Array.from({ length: 100 }, (_, i) => 100 + i), ...Array.from({ length: 1000 }, (_, i) => 1000 + i)];
    const after = (await shownUrls(panel)).sort((a, b) => a.index - b.index);
    assert.ok(after.length > drawn.length, `the overscan was drawn: ${after.length} rows after ${drawn.length}`);
    assert.deepEqual(
      after.map((row) => row.url),
      after.map((row) => `/v1/rooms/room-${expected[row.index - 2]}`),
    );
    assert.deepEqual(
      after.map((row) => row.index),
      after.map((_, i) => i + 2),
    );
  });
});
