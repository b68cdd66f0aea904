import type { Page } from 'playwright-core';
import { screenshot, useUiSession } from './uiSession';
import { trySampleData, visibleWebview, waitUntil } from './workbench';

/** The histogram's bars as the keyboard reads them out: rows and error share per bar. */
async function readBars(page: Page): Promise<{ rows: number; errors: number }[]> {
  const canvas = visibleWebview(page).locator('.histogram-canvas');
  await canvas.focus();
  await canvas.press('Home');
  const bars: { rows: number; errors: number }[] = [];
  const count = Number(await canvas.getAttribute('aria-valuemax')) + 1;
  for (let i = 0; i < count; i++) {
    const text = (await canvas.getAttribute('aria-valuetext')) ?? '';
    const rows = Number(/ (\d[\d,]*) rows?\b/.exec(text)?.[1]?.replace(/,/g, '') ?? 0);
    const errors = Number(/ (\d+)% errors/.exec(text)?.[1] ?? 0);
    bars.push({ rows, errors });
    await canvas.press('ArrowRight');
  }
  return bars;
}

const shownCount = async (page: Page) => Number(/([\d,]+) shown/.exec((await visibleWebview(page).locator('.status-text').textContent()) ?? '')?.[1].replace(/,/g, '') ?? -1);

describe('histogram and time range in code-server on the sample data', function () {
  this.timeout(180_000);
  const ui = useUiSession({ name: 'histogram', settings: { 'workbench.colorTheme': 'Dark Modern' } });

  it('Daily API logs: last 24 h, then dragging across the error spike shows only those rows', async () => {
    const { page } = ui;
    await trySampleData(page);
    const frame = visibleWebview(page);
    await frame.locator('.time-range vscode-dropdown').click();
    await frame.locator('vscode-option', { hasText: 'Last 24 hours' }).click();
    await frame.locator('.range-status', { hasText: /^all rows .* loaded$/ }).waitFor({ timeout: 60_000 });

    const bars = await readBars(page);
    const spike = bars.reduce((best, bar, i) => (bar.rows > 0 && bar.errors * bar.rows > bars[best].errors * bars[best].rows ? i : best), 0);
    const first = Math.max(0, spike - 1);
    const last = Math.min(bars.length - 1, spike + 1);
    const expected = bars.slice(first, last + 1).reduce((sum, bar) => sum + bar.rows, 0);
    const box = (await frame.locator('.histogram-canvas').boundingBox())!;
    const x = (bar: number) => box.x + ((bar + 0.5) / bars.length) * box.width;
    await page.mouse.move(x(first), box.y + box.height / 3);
    await page.mouse.down();
    await page.mouse.move(x(last), box.y + box.height / 3, { steps: 5 });
    await page.mouse.up();
    await waitUntil(async () => (await frame.locator('.query-input').evaluate((e) => (e as HTMLInputElement).value)).startsWith('time:'), 'a time: term in the quick filter');
    await waitUntil(async () => (await shownCount(page)) === expected, `${expected} rows shown`);
    await screenshot(page, 'ui-histogram-brushed.png');
  });
});
