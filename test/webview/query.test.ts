import { strict as assert } from 'node:assert';
import type { LogRow } from '../../src/protocol/streamDefinition';
import { apiRows, init, snapshot } from './fixtures';
import { type PanelPage, eventually, usePanelPages } from './harness';

const shownCount = (panel: PanelPage) =>
  panel.page.locator('[role=grid]').getAttribute('aria-rowcount').then((n) => Number(n) - 1);
const input = (panel: PanelPage) => panel.page.locator('.query-input');
const optionLabels = (panel: PanelPage) => panel.page.locator('.query-option-label').allTextContents();

const hostile = '<img src=x onerror="window.__pwned = \'img\'">';

describe('webview query line: completion, errors, highlight, facets, context menu, state', function () {
  const pages = usePanelPages();
  let panel: PanelPage;
  beforeEach(() => {
    panel = pages.panel;
  });

  it('completes fields and values by keyboard only, as an ARIA combobox', async () => {
    await panel.notify(...snapshot(apiRows(100)));
    await panel.page.locator('.grid-body [aria-rowindex="2"]').click();
    await panel.page.keyboard.press('/');
    await panel.page.keyboard.type('sta');
    const box = input(panel);
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await optionLabels(panel), ['status:']);
    await panel.page.keyboard.press('ArrowDown');
    assert.equal(await box.getAttribute('aria-activedescendant'), 'query-suggestions-0');
    await panel.page.keyboard.press('Enter');
    assert.equal(await box.inputValue(), 'status:');
    const values = await optionLabels(panel);
    assert.deepEqual(values.slice(0, 4), ['200', '201', '404', '500']);
    assert.equal(await panel.page.locator('.query-option-detail').first().textContent(), '40');
    await panel.page.keyboard.type('4');
    assert.deepEqual(await optionLabels(panel), ['404']);
    await panel.page.keyboard.press('Tab');
    assert.equal(await box.inputValue(), 'status:404 ');
    assert.equal(await shownCount(panel), 20);
    await panel.page.keyboard.press('Escape');
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
    await panel.page.keyboard.press('Escape');
    assert.equal(await box.inputValue(), '');
    assert.equal(await shownCount(panel), 100);
  });

  it('pushes server terms down on Enter, says where each term ran, and keeps the filter bar in sync', async () => {
    await panel.notify(...snapshot(apiRows(100)));
    await panel.clearPosted();
    await input(panel).fill('url:/v1/rooms/room-1* method:POST');
    await input(panel).press('Enter');
    const sent = await panel.postedOfType('setFilters');
    assert.deepEqual(sent.map((m) => m.filters), [{ url: '/v1/rooms/room-1' }]);
    assert.deepEqual(await panel.page.locator('.on-server .query-chip').allTextContents(), ['url:/v1/rooms/room-1*']);
    assert.deepEqual(await panel.page.locator('.on-panel .query-chip').allTextContents(), ['method:POST']);
    assert.equal(await panel.page.locator('.filter-bar vscode-text-field').evaluate((e) => (e as HTMLInputElement).value), '/v1/rooms/room-1');
    // Editing the bar's URL takes the filter over: the query drops its url term.
    await panel.page.locator('.filter-bar vscode-text-field input').fill('/v1/rooms');
    await panel.page.locator('.filter-bar vscode-button', { hasText: 'Apply' }).click();
    await eventually(() => input(panel).inputValue(), 'method:POST');
    assert.deepEqual((await panel.postedOfType('setFilters')).at(-1)?.filters, { url: '/v1/rooms' });
    await input(panel).press('Enter');
    assert.equal((await panel.postedOfType('setFilters')).length, 2, 'nothing new to push down');
    await eventually(async () => (await panel.postedOfType('queryChanged')).at(-1)?.query, 'method:POST');
  });

  it('shows an error with the offending text marked and keeps the last valid query applied', async () => {
    await panel.notify(...snapshot(apiRows(100)));
    await input(panel).fill('status:>=400');
    assert.equal(await shownCount(panel), 40);
    await input(panel).fill('status:>=400 (method:POST');
    const error = panel.page.locator('.query-error');
    assert.match((await error.locator('.query-error-text').textContent()) ?? '', /This \( is not closed\. The last valid query stays applied\./);
    assert.equal(await error.locator('.query-error-token').textContent(), '(');
    assert.equal(await error.locator('.query-error-marker').textContent(), 'status:>=400 (method:POST');
    assert.equal(await input(panel).getAttribute('aria-invalid'), 'true');
    assert.equal(await shownCount(panel), 40);
    await input(panel).press('End');
    await input(panel).pressSequentially(')');
    assert.equal(await error.isHidden(), true);
    assert.equal(await shownCount(panel), 20);
  });

  it('highlights matches in cells and in the detail pane', async () => {
    await panel.notify(...snapshot(apiRows(200)));
    await input(panel).fill('room-12 method:POST');
    const cell = panel.page.locator('.grid-body [aria-rowindex="2"] [aria-colindex="3"]');
    assert.equal(await cell.textContent(), '/v1/rooms/room-121');
    // Grid cells mark matches as ranges of the CSS highlight "query-match" (their text stays one text node).
    const marked = (selector: string) =>
      panel.page.evaluate((cellSelector) => {
        const target = document.querySelector(cellSelector)!;
        const registry = CSS.highlights as unknown as Map<string, Set<StaticRange>>;
        const ranges = [...(registry.get('query-match') ?? [])];
        return ranges.filter((range) => target.contains(range.startContainer)).map((range) => range.startContainer.textContent!.slice(range.startOffset, range.endOffset));
      }, selector);
    assert.deepEqual(await marked('.grid-body [aria-rowindex="2"] [aria-colindex="3"]'), ['room-12']);
    assert.deepEqual(await marked('.grid-body [aria-rowindex="2"] [aria-colindex="2"]'), ['POST']);
    assert.equal(await cell.locator('*').count(), 0, 'no element inside the cell');
    await input(panel).fill('method:POST');
    assert.deepEqual(await marked('.grid-body [aria-rowindex="2"] [aria-colindex="3"]'), [], 'the marks follow the query');
    await input(panel).fill('room-12 method:POST');
    await panel.page.locator('.grid-body [aria-rowindex="2"]').dblclick();
    const url = panel.page.locator('.detail dd', { hasText: '/v1/rooms/room-121' }).first();
    assert.deepEqual(await url.locator('mark.match').allTextContents(), ['room-12']);
  });

  it('facets count the shown rows; click filters to a value, Alt+click excludes one', async () => {
    await panel.notify(...snapshot(apiRows(100)));
    await panel.page.locator('.facets-toggle').click();
    const method = panel.page.locator('.facet', { hasText: 'Method' });
    await eventually(() => method.locator('.facet-label').allTextContents(), ['GET', 'POST']);
    await eventually(() => method.locator('.facet-count').allTextContents(), ['50', '50']);
    await method.locator('.facet-value', { hasText: 'POST' }).click();
    await eventually(() => input(panel).inputValue(), 'method:POST');
    await eventually(() => shownCount(panel), 50);
    await eventually(() => method.locator('.facet-label').allTextContents(), ['POST']);
    await panel.page.locator('.facet', { hasText: 'Status' }).locator('.facet-value', { hasText: '404' }).click({ modifiers: ['Alt'] });
    await eventually(() => input(panel).inputValue(), 'method:POST -status:404');
    await eventually(() => shownCount(panel), 40);
    await panel.page.waitForFunction(() => (window as unknown as { __state: () => { ui?: { facetsOpen?: boolean } } | undefined }).__state()?.ui?.facetsOpen === true);
  });

  it('offers Filter to / Exclude this value from a cell context menu and the keyboard', async () => {
    await panel.notify(...snapshot(apiRows(100)));
    await panel.page.locator('.grid-body [aria-rowindex="3"] [aria-colindex="5"]').click({ button: 'right' });
    const menu = panel.page.locator('.context-menu');
    assert.deepEqual(await menu.getByRole('menuitem').allTextContents(), ['Filter to this value', 'Exclude this value', 'Show Around This Time…', 'Find Related…', 'Find Call Sites']);
    await menu.getByRole('menuitem', { name: 'Find Call Sites' }).click();
    assert.deepEqual(await panel.postedOfType('findCallSites'), [{ type: 'findCallSites', rowId: 'log-1' }]);
    await panel.page.locator('.grid-body [aria-rowindex="3"] [aria-colindex="5"]').click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Exclude this value' }).click();
    assert.equal(await input(panel).inputValue(), '-ip:10.0.1.1');
    assert.equal(await shownCount(panel), 99);
    await panel.page.locator('.grid-body [aria-rowindex="2"]').click();
    await panel.page.keyboard.press('Shift+F10');
    assert.equal(await menu.getByRole('menuitem').first().evaluate((e) => e === document.activeElement), true);
    assert.match((await menu.getByRole('menuitem').nth(2).textContent()) ?? '', /^Filter to this value \(Method: GET\)$/);
    await panel.page.keyboard.press('ArrowDown');
    await panel.page.keyboard.press('ArrowDown');
    await panel.page.keyboard.press('Enter');
    assert.equal(await input(panel).inputValue(), '-ip:10.0.1.1 method:GET');
    assert.equal(await menu.count(), 0);
    assert.equal(await panel.page.locator('[role=grid]').evaluate((e) => e === document.activeElement), true);
  });

  it('restores the query from the saved state, applies init.query and setQuery from the host', async () => {
    const restored = await pages.harness.open({ state: { ui: { quickFilter: 'method:POST', recentQueries: ['status:500'] } } });
    try {
      await restored.notify(...snapshot(apiRows(100)));
      assert.equal(await restored.page.locator('.query-input').inputValue(), 'method:POST');
      assert.equal(await shownCount(restored), 50);
      await restored.page.locator('.query-input').fill('');
      await restored.page.locator('.query-input').press('ArrowDown');
      assert.deepEqual(await optionLabels(restored), ['status:500', ...(await optionLabels(restored)).slice(1)]);
    } finally {
      await restored.page.close();
    }
    await panel.notify({ ...init(), query: 'status:404' }, ...snapshot(apiRows(100)).slice(1));
    assert.equal(await input(panel).inputValue(), 'status:404');
    assert.equal(await shownCount(panel), 20);
    await panel.notify({ type: 'setQuery', query: 'url:/v1/rooms/room-5*' });
    assert.equal(await input(panel).inputValue(), 'url:/v1/rooms/room-5*');
    assert.deepEqual((await panel.postedOfType('setFilters')).at(-1)?.filters, { url: '/v1/rooms/room-5' });
    await eventually(async () => (await panel.postedOfType('queryChanged')).at(-1)?.query, 'url:/v1/rooms/room-5*');
    await eventually(async () => ((await panel.state()) as { query?: string } | undefined)?.query, 'url:/v1/rooms/room-5*');
  });

  it('keeps hostile values as text in completion and facets', async () => {
    const rows: LogRow[] = apiRows(10).map((row, i) => ({ ...row, fields: { ...row.fields, method: i % 2 ? hostile : 'GET', ip: hostile } }));
    await panel.notify(...snapshot(rows));
    await input(panel).click();
    await panel.page.keyboard.type('ip:');
    assert.deepEqual(await optionLabels(panel), [hostile]);
    await panel.page.keyboard.press('ArrowDown');
    await panel.page.keyboard.press('Enter');
    assert.equal(await input(panel).inputValue(), `ip:"${hostile.replace(/"/g, '\\"')}" `);
    assert.equal(await shownCount(panel), 10);
    await panel.page.locator('.facets-toggle').click();
    assert.ok((await panel.page.locator('.facet-label').allTextContents()).includes(hostile));
    assert.equal(await panel.page.locator('.facets img, .query-suggestions img, .grid img').count(), 0);
  });
});
