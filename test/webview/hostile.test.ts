import { strict as assert } from 'node:assert';
import type { LogRow } from '../../src/protocol/streamDefinition';
import { apiDefinition, apiRows, init, snapshot, status } from './fixtures';
import { type PanelPage, usePanelPages } from './harness';

const script = '<script>window.__pwned = "script"</script>';
const img = '<img src=x onerror="window.__pwned = \'img\'">';
const jsUrl = 'javascript:window.__pwned="link"';
const rtl = 'مرحبا \u202Eevil.exe\u202C שלום';
const zeroWidth = 'a\u200Bb\u200Dc\uFEFFd\u2066e\u2069';
const megabyte = 'x'.repeat(1024 * 1024);

function hostileRow(): LogRow {
  const [row] = apiRows(1);
  return {
    ...row,
    id: 'hostile-1',
    fields: {
      ...row.fields,
      method: img,
      url: script,
      ip: rtl,
      userAgent: zeroWidth,
      request: JSON.stringify({ html: img, link: jsUrl, safe: 'https://example.com/ok', big: megabyte }),
      response: `${jsUrl} and data:text/html,<script>alert(1)</script> and https://example.com/a?b=<c>`,
    },
  };
}

describe('webview hostile content is inert text', function () {
  const pages = usePanelPages();
  let panel: PanelPage;
  beforeEach(() => {
    panel = pages.panel;
  });

  it('renders markup, RTL overrides and zero-width characters in cells as exact text', async () => {
    await panel.notify(...snapshot([hostileRow(), ...apiRows(5, 1)]));
    const cell = (column: number) => panel.page.locator(`.grid-body [aria-rowindex="2"] [aria-colindex="${column}"]`);
    assert.equal(await cell(2).textContent(), img);
    assert.equal(await cell(3).textContent(), script);
    assert.equal(await cell(5).textContent(), rtl);
    assert.equal(await panel.page.locator('#app img, #app script').count(), 0);
    const lefts = await Promise.all([2, 3, 4, 5].map((c) => cell(c).evaluate((e) => e.getBoundingClientRect().left)));
    assert.deepEqual(lefts, [...lefts].sort((a, b) => a - b), 'bidi text does not reorder the cells');
    await panel.page.locator('.quick-filter input').fill('\u200Db');
    assert.equal(await panel.page.locator('[role=grid]').getAttribute('aria-rowcount'), '1', 'zero-width text is searchable as is');
  });

  it('shows hostile bodies in the detail pane as text; only http(s) URLs become links', async () => {
    await panel.notify(...snapshot([hostileRow()]));
    await panel.page.locator('.grid-body [aria-rowindex="2"]').dblclick();
    const detail = panel.page.locator('aside.detail');
    const links = await detail.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    assert.ok(links.length >= 2);
    for (const href of links) assert.match(href ?? '', /^https:\/\/example\.com\//);
    assert.ok(links.includes('https://example.com/a?b='), 'a URL ends at markup characters');
    const response = detail.locator('.detail-section', { hasText: 'Response' }).locator('pre');
    assert.equal(await response.textContent(), hostileRow().fields.response);
    assert.equal(await detail.locator('a', { hasText: 'javascript:' }).count(), 0);
    await response.click({ position: { x: 30, y: 12 } });
    assert.equal((await panel.postedOfType('openLink')).length, 0);
    assert.equal(await detail.locator('img, script').count(), 0);
    const methodField = detail.locator('.fields dt', { hasText: /^method$/ }).locator('xpath=following-sibling::dd[1]');
    assert.equal(await methodField.locator('.field-value').textContent(), img);
  });

  it('cuts 1 MB strings in cells and the detail pane, and shows all of it on request', async () => {
    await panel.notify(...snapshot([hostileRow()]));
    await panel.page.locator('.grid-body [aria-rowindex="2"]').dblclick();
    const request = panel.page.locator('.detail-section', { hasText: 'Request' }).locator('pre.json');
    const big = request.locator('.json-string').last();
    const shown = await big.evaluate((e) => e.textContent?.length ?? 0);
    assert.ok(shown < 30_000, `shown ${shown} characters before "show all"`);
    await big.getByRole('button', { name: /show all 1,048,578 characters/ }).click();
    assert.equal(await big.evaluate((e) => e.textContent?.length), megabyte.length + 2);
    await panel.notify({ type: 'rows', mode: 'replace', rows: [{ ...hostileRow(), fields: { url: megabyte } }] }, { type: 'status', status: status({ loaded: 1 }) });
    const cellLength = await panel.page.locator('.grid-body [aria-rowindex="2"] [aria-colindex="3"]').evaluate((e) => e.textContent?.length);
    assert.equal(cellLength, 301);
  });

  it('treats hostile definitions, errors, sessions and filter values as text', async () => {
    const definition = {
      ...apiDefinition,
      columns: [{ key: 'url', title: script, type: 'text' as const }],
      filters: [{ key: 'q', label: img, kind: 'text' as const, serverSide: false, placeholder: script }],
    };
    await panel.notify(init(definition, { q: img }), { type: 'rows', mode: 'replace', rows: [] }, { type: 'status', status: status() });
    assert.equal(await panel.page.locator('[role=columnheader]').textContent(), script);
    assert.equal(await panel.page.locator('.filter-label').textContent(), img);
    assert.equal(await panel.page.locator('.empty p').textContent(), `No rows match ${img}: ${img}.`);
    await panel.notify({ type: 'error', error: { kind: 'invalid', message: script + img, canUpdateToken: false } });
    assert.equal(await panel.page.locator('.banner-message').textContent(), script + img);
    assert.equal(await panel.page.locator('#app img, #app script').count(), 0);
  });

  it('ignores messages that are not protocol notifications', async () => {
    await panel.notify(...snapshot(apiRows(3)));
    await panel.notify('rows', null, 42, { no: 'type' }, { type: 'reply', id: 999, result: [] });
    assert.equal(await panel.page.locator('[role=grid]').getAttribute('aria-rowcount'), '4');
  });
});
