import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { screenshot, useUiSession } from './uiSession';
import {
  activeTab,
  answerQuickInput,
  gridRows,
  reloadWindow,
  runCommand,
  selectors,
  setColorTheme,
  treeRow,
  trySampleData,
  visibleWebview,
  waitUntil,
} from './workbench';

/** Streams of one account: the Source column leaves the account out. */
const sources = ['Daily · API logs', 'Lago · API logs', 'SignalWire · Voice logs'];
const timelineTab = 'Timeline · Daily API logs, Lago API logs, SignalWire Voice logs';
const savedName = 'Daily 5xx incident';
const timeTerm = /^time:\S+\.\.\S+$/;

const queryInput = (page: Page) => visibleWebview(page).locator('.query-input');
/** The Source cell (column 2) of each shown row of the timeline. */
const shownSources = (page: Page) => gridRows(page).locator('[role="gridcell"][aria-colindex="2"]').allTextContents();

/** Types a query into the panel's query line and applies it. */
async function setQuery(page: Page, query: string): Promise<void> {
  await queryInput(page).fill(query);
  await queryInput(page).press('Enter');
}

/** Waits until the shown rows come from every source of the timeline. */
async function rowsFromEverySource(page: Page, what: string): Promise<void> {
  await waitUntil(async () => {
    const shown = new Set(await shownSources(page));
    return sources.every((source) => shown.has(source));
  }, `${what}: rows of ${sources.join(', ')}`, 60_000);
}

describe('timeline UI: Daily, Lago and SignalWire voice logs on one clock, saved and reopened after a reload (the .vsix in code-server)', function () {
  this.timeout(300_000);
  const ui = useUiSession({ name: 'timeline', settings: { 'workbench.colorTheme': 'Default Light Modern' } });

  it('opens a timeline of the three sample streams with rows of each', async () => {
    const { page } = ui;
    await trySampleData(page);
    await runCommand(page, 'API Logs: Open Timeline…');
    const box = page.locator(selectors.quickInputBox);
    await waitUntil(async () => /pick up to 8 log streams/.test(await page.locator(selectors.quickInput).innerText()), 'the stream picker');
    for (const label of ['Daily · API logs', 'Lago · API logs', 'SignalWire · Voice logs']) {
      await box.fill(label);
      const row = page.locator(`${selectors.quickInput} .monaco-list-row`, { hasText: label }).first();
      await row.click();
      await waitUntil(async () => (await row.getAttribute('aria-checked')) === 'true', `${label} checked`);
    }
    await box.fill('');
    await box.press('Enter');
    await activeTab(page, timelineTab).waitFor({ timeout: 60_000 });
    await rowsFromEverySource(page, 'the opened timeline');
    await screenshot(page, 'ui-timeline-light.png');
  });

  it('Show Around This Time on a Daily 5xx row puts a time range in the query; edited, it shows every source then', async () => {
    const { page } = ui;
    await setQuery(page, 'status:5xx');
    const daily5xx = gridRows(page).filter({ hasText: sources[0] }).first();
    await daily5xx.waitFor({ timeout: 30_000 });
    const status = Number(await daily5xx.locator('[role="gridcell"][aria-colindex="4"]').textContent());
    assert.ok(status >= 500 && status < 600, `the row's status is ${status}`);
    await daily5xx.locator('[role="gridcell"][aria-colindex="6"]').click({ button: 'right' });
    await visibleWebview(page).locator('.context-menu').getByRole('menuitem', { name: 'Show Around This Time…' }).click();
    await answerQuickInput(page, /How far either side/, '± 15 minutes');
    await waitUntil(async () => /^status:5xx time:\S+\.\.\S+$/.test(await queryInput(page).inputValue()), 'the time range term after status:5xx');
    // The terms are the user's to edit: without status:5xx the range shows what every source logged around the row.
    const term = (await queryInput(page).inputValue()).replace(/^status:5xx /, '');
    await setQuery(page, term);
    await rowsFromEverySource(page, `the rows of ${term}`);
    await screenshot(page, 'ui-timeline-around-light.png');
  });

  it('saves the timeline under a name: the tab and the Timelines view show it', async () => {
    const { page } = ui;
    await page.locator('.editor-actions .action-label[aria-label="Save Timeline"]').click();
    await answerQuickInput(page, /Name the timeline/, savedName);
    await activeTab(page, `${savedName} · Timeline`).waitFor();
    await treeRow(page, 'apiLogs', savedName).waitFor();
    await screenshot(page, 'ui-timeline-saved-light.png');
  });

  it('after a reload the panel is the saved timeline; closed, it reopens from the Timelines view with its query', async () => {
    const { page } = ui;
    const term = await queryInput(page).inputValue();
    assert.match(term, timeTerm);
    await reloadWindow(page);
    await activeTab(page, `${savedName} · Timeline`).waitFor({ timeout: 60_000 });
    await waitUntil(async () => (await queryInput(page).inputValue()) === term, 'the restored query');
    await rowsFromEverySource(page, 'the restored timeline');
    await page.locator(`.tabs-container .tab[aria-label="${savedName} · Timeline"] .action-label[aria-label^="Close"]`).click();
    await activeTab(page, `${savedName} · Timeline`).waitFor({ state: 'detached' });

    await treeRow(page, 'apiLogs', savedName).click();
    await activeTab(page, `${savedName} · Timeline`).waitFor({ timeout: 60_000 });
    await waitUntil(async () => (await queryInput(page).inputValue()) === term, 'the saved query');
    await rowsFromEverySource(page, 'the reopened timeline');
    await setColorTheme(page, 'Dark Modern', 'vs-dark');
    const description = (await treeRow(page, 'apiLogs', savedName).innerText()).replace(/\s+/g, ' ');
    assert.match(description, new RegExp(`${savedName}\\s*3 streams · time:`));
    await screenshot(page, 'ui-timeline-reopened-dark.png');
  });
});
