import { strict as assert } from 'node:assert';
import { apiRows, init, meetingDefinition, snapshot, status } from './fixtures';
import { type PanelPage, usePanelPages } from './harness';

const selectedIndex = (panel: PanelPage) => panel.page.locator('.grid-body [aria-selected=true]').getAttribute('aria-rowindex');

describe('webview keyboard, detail pane, export and errors', function () {
  const pages = usePanelPages();
  let panel: PanelPage;
  beforeEach(() => {
    panel = pages.panel;
  });

  it('arrows, PageDown/PageUp, Home/End move the selection and keep it in view', async () => {
    await panel.notify(...snapshot(apiRows(500)));
    const grid = panel.page.locator('[role=grid]');
    await grid.focus();
    await panel.page.keyboard.press('ArrowDown');
    assert.equal(await selectedIndex(panel), '2');
    await panel.page.keyboard.press('ArrowDown');
    await panel.page.keyboard.press('ArrowDown');
    await panel.page.keyboard.press('ArrowUp');
    assert.equal(await selectedIndex(panel), '3');
    assert.equal(await grid.getAttribute('aria-activedescendant'), 'grid-active-row');
    await panel.page.keyboard.press('PageDown');
    const afterPage = Number(await selectedIndex(panel));
    assert.ok(afterPage > 20, `PageDown moved to ${afterPage}`);
    await panel.page.keyboard.press('End');
    assert.equal(await selectedIndex(panel), '501');
    assert.ok((await grid.evaluate((g) => g.scrollTop)) > 10_000);
    await panel.page.keyboard.press('PageUp');
    assert.ok(Number(await selectedIndex(panel)) < 501);
    await panel.page.keyboard.press('Home');
    assert.equal(await selectedIndex(panel), '2');
    assert.equal(await grid.evaluate((g) => g.scrollTop), 0);
  });

  it('Enter opens details, Ctrl+C copies the row as JSON, Escape closes details', async () => {
    await panel.notify(...snapshot(apiRows(20)));
    await panel.page.locator('.grid-body [aria-rowindex="4"]').click();
    await panel.page.keyboard.press('Control+c');
    assert.deepEqual(await panel.postedOfType('copyRowAsJson'), [{ type: 'copyRowAsJson', rowId: 'log-2' }]);
    await panel.page.keyboard.press('Meta+c');
    assert.equal((await panel.postedOfType('copyRowAsJson')).length, 2);
    const detail = panel.page.locator('aside.detail');
    assert.equal(await detail.isHidden(), true);
    await panel.page.keyboard.press('Enter');
    assert.equal(await detail.isVisible(), true);
    assert.match((await detail.locator('.fields').textContent()) ?? '', /\/v1\/rooms\/room-2/);
    await panel.page.keyboard.press('ArrowDown');
    assert.match((await detail.locator('.fields').textContent()) ?? '', /\/v1\/rooms\/room-3/, 'follows the selection');
    await panel.page.keyboard.press('Escape');
    assert.equal(await detail.isHidden(), true);
    assert.equal(await panel.page.evaluate(() => document.activeElement?.getAttribute('role')), 'grid');
  });

  it('says when the query hides the row in the details, keeps typing focus, and stops saying so when it is shown again', async () => {
    await panel.notify(...snapshot(apiRows(20)));
    await panel.page.locator('.grid-body [aria-rowindex="4"]').dblclick();
    const detail = panel.page.locator('aside.detail');
    const note = detail.getByRole('status').filter({ hasText: 'hidden by the current query' });
    assert.equal(await detail.isVisible(), true);
    assert.equal(await note.isHidden(), true);
    const input = panel.page.locator('.query-input');
    await input.fill('room-1');
    await note.waitFor({ state: 'visible' });
    assert.match((await detail.locator('.fields').textContent()) ?? '', /\/v1\/rooms\/room-2/, 'the row stays in the pane');
    assert.equal(await panel.page.evaluate(() => document.activeElement?.className.includes('query-input')), true);
    await input.fill('room-');
    await note.waitFor({ state: 'hidden' });
    await input.fill('');
    await panel.notify({ type: 'rows', mode: 'replace', rows: apiRows(5, 100) });
    assert.equal(await detail.isHidden(), true, 'a new result set without the row closes the pane');
  });

  it('shows JSON bodies as coloured tokens, raw text when not JSON, and every field', async () => {
    const rows = apiRows(3);
    const odd = { ...rows[1], fields: { ...rows[1].fields, response: 'upstream timeout {not json' } };
    await panel.notify(...snapshot([rows[0], odd, rows[2]]));
    await panel.page.locator('.grid-body [aria-rowindex="2"]').dblclick();
    const request = panel.page.locator('.detail-section', { hasText: 'Request' }).locator('pre.json');
    assert.equal(
      await request.textContent(),
      '{\n  "name": "room-0",\n  "privacy": "public",\n  "properties": {\n    "max": 0,\n    "ok": true,\n    "none": null\n  }\n}',
    );
    assert.deepEqual(await request.locator('.json-key').allTextContents(), ['"name"', '"privacy"', '"properties"', '"max"', '"ok"', '"none"']);
    assert.deepEqual(await request.locator('.json-number').allTextContents(), ['0']);
    assert.deepEqual(await request.locator('.json-boolean').allTextContents(), ['true']);
    assert.deepEqual(await request.locator('.json-null').allTextContents(), ['null']);
    const colours = await request.evaluate((pre) =>
      ['.json-key', '.json-string', '.json-number'].map((s) => getComputedStyle(pre.querySelector(s)!).color),
    );
    assert.equal(new Set(colours).size, 3);
    const keys = await panel.page.locator('.detail .fields dt').allTextContents();
    // (time) is left out: createdAt already holds the row time.
    assert.deepEqual(keys, ['(id)', '(severity)', 'createdAt', 'method', 'url', 'status', 'ip', 'userAgent', 'request', 'response']);
    assert.equal(await panel.page.locator('.detail .fields dd').nth(2).locator('.field-value').textContent(), '2026-11-23 12:00:00.000 UTC (1795435200000)', 'createdAt shows the formatted time');
    await panel.page.locator('.grid-body [aria-rowindex="3"]').click();
    const raw = panel.page.locator('.detail-section', { hasText: 'Response' }).locator('pre.raw');
    assert.equal(await raw.textContent(), 'upstream timeout {not json');
  });

  it('detail actions: copy field, copy/open row JSON, cURL, and http(s) links via the host', async () => {
    await panel.notify(...snapshot(apiRows(5)));
    await panel.page.locator('.grid-body [aria-rowindex="3"]').dblclick();
    const detail = panel.page.locator('aside.detail');
    await detail.getByRole('button', { name: 'Copy url', exact: true }).click();
    await detail.getByRole('button', { name: 'Copy Request', exact: true }).click();
    await detail.getByRole('button', { name: 'Copy JSON' }).click();
    await detail.getByRole('button', { name: 'Open JSON' }).click();
    await detail.getByRole('button', { name: 'Copy as cURL' }).click();
    await detail.getByRole('button', { name: 'Find Call Sites' }).click();
    await detail.locator('a.link', { hasText: 'https://docs.daily.co/reference/rest-api' }).first().click();
    const all = await panel.posted();
    assert.ok(all.some((m) => m.type === 'rowSelected' && m.rowId === 'log-1'), 'the selection is told to the host');
    const posted = all.filter((m) => m.type !== 'ready' && m.type !== 'layoutChanged' && m.type !== 'rowSelected');
    assert.deepEqual(posted, [
      { type: 'copyText', text: '/v1/rooms/room-1' },
      { type: 'copyText', text: JSON.stringify({ name: 'room-1', privacy: 'public', properties: { max: 1, ok: true, none: null } }) },
      { type: 'copyRowAsJson', rowId: 'log-1' },
      { type: 'openRowAsJson', rowId: 'log-1' },
      { type: 'copyCurl', rowId: 'log-1' },
      { type: 'findCallSites', rowId: 'log-1' },
      { type: 'openLink', url: 'https://docs.daily.co/reference/rest-api' },
    ]);
    assert.equal(panel.page.url().endsWith('/'), true, 'the page did not navigate');
  });

  it('offers no cURL for streams without HTTP requests and shows object detail sections as fields', async () => {
    const row = { id: 'm1', time: 1, severity: 'error' as const, fields: { time: 1, level: 'error', message: 'ice failed', metrics: { rtt: 42, lost: 3 } } };
    await panel.notify(init(meetingDefinition, { mtgSessionId: 's' }), { type: 'rows', mode: 'replace', rows: [row] }, { type: 'status', status: status({ loaded: 1 }) });
    await panel.page.locator('.grid-body [aria-rowindex="2"]').dblclick();
    assert.equal(await panel.page.getByRole('button', { name: 'Copy as cURL' }).count(), 0);
    assert.equal(await panel.page.getByRole('button', { name: 'Find Call Sites' }).count(), 0);
    const metrics = panel.page.locator('.detail-section', { hasText: 'Metrics' }).locator('.fields').first();
    assert.deepEqual(await metrics.locator('dt').allTextContents(), ['rtt', 'lost']);
    assert.match((await panel.page.locator('.grid-body [aria-rowindex="2"] [aria-colindex="2"]').getAttribute('class')) ?? '', /tone-error/);
  });

  it('export menu sends loaded rows, or the filtered row ids in display order', async () => {
    await panel.notify(...snapshot(apiRows(30)));
    const menu = () => panel.page.getByRole('button', { name: /Export/ }).click();
    await menu();
    assert.equal(await panel.page.getByRole('menuitem', { name: 'Shown rows as CSV…' }).isDisabled(), true);
    await panel.page.getByRole('menuitem', { name: 'Loaded rows as NDJSON…' }).click();
    await panel.page.locator('.quick-filter input').fill('room-2');
    await menu();
    await panel.page.keyboard.press('ArrowDown');
    await panel.page.getByRole('menuitem', { name: 'Shown rows as JSON…' }).click();
    const exports = await panel.postedOfType('export');
    assert.deepEqual(exports[0], { type: 'export', format: 'ndjson' });
    assert.deepEqual(exports[1], { type: 'export', format: 'json', rowIds: ['log-2', ...Array.from({ length: 10 }, (_, i) => `log-${20 + i}`)] });
  });

  it('error banner keeps the rows, offers Retry and Update Token, and clears', async () => {
    await panel.notify(...snapshot(apiRows(40), { more: true }));
    await panel.notify({ type: 'error', error: { kind: 'auth', message: 'Daily rejected the API key (401). Update the token.', canUpdateToken: true } });
    const banner = panel.page.getByRole('alert');
    assert.equal(await banner.locator('.banner-message').textContent(), 'Daily rejected the API key (401). Update the token.');
    assert.equal(await panel.page.locator('[role=grid]').getAttribute('aria-rowcount'), '41');
    assert.equal(await panel.page.locator('.grid-body [role=row]:not([hidden])').first().isVisible(), true);
    await banner.getByRole('button', { name: 'Retry' }).click();
    await banner.getByRole('button', { name: 'Update Token' }).click();
    assert.deepEqual((await panel.posted()).filter((m) => m.type === 'retry' || m.type === 'updateToken'), [{ type: 'retry' }, { type: 'updateToken' }]);
    await panel.notify({ type: 'error', error: { kind: 'server', message: 'Daily answered 503.', canUpdateToken: false } });
    assert.equal(await banner.getByRole('button', { name: 'Update Token' }).count(), 0);
    await panel.notify({ type: 'error', error: null });
    assert.equal(await panel.page.locator('.banner').isHidden(), true);
  });

  it('a first-page error with no rows shows the banner, not the empty state', async () => {
    await panel.notify(init(), { type: 'status', status: status() }, { type: 'error', error: { kind: 'network', message: 'Could not reach api.daily.co.', canUpdateToken: false } });
    assert.equal(await panel.page.getByRole('alert').isVisible(), true);
    assert.equal(await panel.page.locator('.empty').isHidden(), true);
  });
});
