import { strict as assert } from 'node:assert';
import { apiRows, snapshot } from './fixtures';
import { eventually, startHarness, type Harness, type PanelPage } from './harness';
import { panelStates, type PanelState } from './panelStates';
import type { ThemeName } from './themes';

interface Focusable {
  readonly name: string;
  /** Page-space box with room for an outline drawn outside the control; undefined when it is scrolled out of view. */
  readonly clip?: { x: number; y: number; width: number; height: number };
}

/**
 * Tags every visible, enabled control a keyboard user must reach (`data-tab-stop` = its index) and describes it.
 * Toolkit controls count as their host element, which delegates focus to its shadow control (tabIndex -1).
 */
function tagControls(page: PanelPage): Promise<Focusable[]> {
  return page.page.evaluate(() => {
    const selector = 'button, input, select, textarea, a[href], [tabindex], vscode-button, vscode-checkbox, vscode-text-field, vscode-dropdown';
    const controls = Array.from(document.querySelectorAll<HTMLElement>(selector)).filter(
      (el) =>
        el.getClientRects().length > 0 &&
        !el.hasAttribute('disabled') &&
        (el.tabIndex >= 0 || el.tagName.startsWith('VSCODE-')) &&
        !el.closest('[hidden]'),
    );
    return controls.map((el, index) => {
      el.dataset.tabStop = String(index);
      const box = el.getBoundingClientRect();
      const center = document.elementFromPoint(box.x + box.width / 2, box.y + Math.min(box.height / 2, 8));
      const inView = center !== null && (el.contains(center) || center.contains(el));
      const name = `${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}"`;
      const margin = 4;
      const clip = { x: Math.max(0, box.x - margin), y: Math.max(0, box.y - margin), width: box.width + 2 * margin, height: box.height + 2 * margin };
      return inView ? { name, clip } : { name };
    });
  });
}

/** The `data-tab-stop` of the focused element (a toolkit control counts as its host), or -1. */
const focusedStop = (page: PanelPage) =>
  page.page.evaluate(() => Number((document.activeElement as HTMLElement | null)?.dataset.tabStop ?? -1));

/**
 * Tabs round the whole page (from wherever focus was, through the document's end, back to the first control),
 * asserting each control is reached and, for those in view, that focusing it changes what is drawn around it (a
 * visible focus indicator).
 */
async function tabThrough(panel: PanelPage, theme: ThemeName): Promise<void> {
  await panel.setTheme(theme);
  await panel.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const controls = await tagControls(panel);
  const unfocused = await Promise.all(controls.map((c) => (c.clip ? panel.page.screenshot({ clip: c.clip }) : undefined)));
  const reached: number[] = [];
  const invisible: string[] = [];
  // Date inputs take one Tab per field (day, month, year, …), so a control may stay focused for several presses.
  let previous = -1;
  for (let press = 0; press < controls.length * 2 + 20; press++) {
    await panel.page.keyboard.press('Tab');
    const stop = await focusedStop(panel);
    if (stop === previous) continue;
    previous = stop;
    if (stop === reached[0]) break;
    if (stop < 0 || reached.includes(stop)) continue;
    reached.push(stop);
    const clip = controls[stop].clip;
    if (clip && (await panel.page.screenshot({ clip })).equals(unfocused[stop]!)) invisible.push(controls[stop].name);
  }
  const missed = controls.filter((_, index) => !reached.includes(index)).map((c) => c.name);
  assert.deepEqual(missed, [], `${theme}: controls Tab never reached`);
  assert.deepEqual(invisible, [], `${theme}: controls with no visible focus`);
}

const themes: readonly ThemeName[] = ['light', 'dark', 'high-contrast', 'high-contrast-light'];
const stateNamed = (prefix: string): PanelState => panelStates.find((s) => s.name.startsWith(prefix))!;

describe('webview keyboard: every control reachable with Tab, with visible focus', function () {
  this.timeout(180_000);
  let harness: Harness;
  let panel: PanelPage;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => harness?.close());
  beforeEach(async () => {
    panel = await harness.open({ theme: 'light' });
  });
  afterEach(async () => {
    assert.deepEqual(await panel.cspViolations(), []);
    assert.deepEqual(panel.errors, []);
    await panel.page.close();
  });

  // Between them: the filter bar with every control kind, toolbar, headers, grid, detail pane and paging buttons.
  for (const prefix of ['details open, focus in the grid', 'meeting filters: session picker']) {
    it(`${prefix}: Tab reaches every control, each with a visible focus indicator, in every theme`, async () => {
      await stateNamed(prefix).setUp(panel);
      for (const theme of themes) await tabThrough(panel, theme);
    });
  }

  it('resizes a column with the arrow keys, keeping focus on its handle and its value current', async () => {
    await panel.notify(...snapshot(apiRows(5)));
    const handle = () => panel.page.getByRole('separator', { name: 'Resize URL' });
    const width = () => panel.page.locator('[role=columnheader]', { hasText: 'URL' }).evaluate((e) => Math.round(e.getBoundingClientRect().width));
    const start = await width();
    await handle().focus();
    assert.equal(await handle().getAttribute('aria-valuenow'), String(start), 'focus reads the rendered (fitted) width');
    for (let i = 0; i < 3; i++) await panel.page.keyboard.press('ArrowRight');
    await eventually(width, start + 48);
    assert.equal(await handle().getAttribute('aria-valuenow'), String(start + 48));
    assert.equal(await handle().evaluate((e) => e === document.activeElement), true);
    await panel.page.keyboard.press('ArrowLeft');
    assert.equal(await handle().getAttribute('aria-valuenow'), String(start + 32));
    assert.equal(await handle().getAttribute('aria-valuemin'), '40');
  });

  it('keeps focus on a sort button when Enter sorts (the header is rebuilt)', async () => {
    await panel.notify(...snapshot(apiRows(5)));
    await panel.page.locator('[role=columnheader]', { hasText: 'Status' }).getByRole('button').focus();
    await panel.page.keyboard.press('Enter');
    await panel.page.keyboard.press('Enter');
    assert.equal(await panel.page.locator('[role=columnheader]', { hasText: 'Status' }).getAttribute('aria-sort'), 'descending');
    assert.equal(await panel.page.evaluate(() => (document.activeElement as HTMLElement).dataset.column), 'status');
  });
});
