import { strict as assert } from 'node:assert';
import type { Locator } from 'playwright-core';
import type { LogRow } from '../../src/protocol/streamDefinition';
import { apiRows, snapshot } from './fixtures';
import { type PanelPage, usePanelPages } from './harness';

/** What hostile.test.ts leaves out: CSS injection, obfuscated and non-http link schemes, bidi in the detail pane. */
const css = [
  '</style><style>body{background:rgb(255,0,0)!important}</style>',
  '<div style="position:fixed;inset:0;background:rgb(255,0,0)">x</div>',
  '@import url(https://evil.example/steal.css);',
  'a{background:url(https://evil.example/beacon.png)}',
  'x{width:expression(alert(1))}',
  '<link rel=stylesheet href=https://evil.example/x.css>',
].join(' ');
const schemes = [
  'JaVaScRiPt:window.__pwned="mixed-case"',
  'java\tscript:window.__pwned="tab"',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0iZGF0YSI8L3NjcmlwdD4=',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  '//evil.example/protocol-relative',
  'https://example.com/ok',
];
const bidi = 'invoice\u202Efdp.exe\u202C and \u2067RTL isolate\u2069 and \u200B\u200C\u200Dzw';

function hostileRow(): LogRow {
  const [row] = apiRows(1);
  return {
    ...row,
    id: 'hostile-css',
    fields: { ...row.fields, method: css, url: css, ip: bidi, request: JSON.stringify({ links: schemes, css, bidi }), response: schemes.join(' ') },
  };
}

/** The viewport point at the middle of `text` inside `element`, and the tag of the element found there. */
function centreOfText(element: Locator, text: string): Promise<{ x: number; y: number; under: string }> {
  return element.evaluate((container, needle) => {
    container.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(needle) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const box = range.getBoundingClientRect();
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      return { x, y, under: document.elementFromPoint(x, y)?.tagName ?? 'nothing' };
    }
    throw new Error(`no text "${needle}"`);
  }, text);
}

describe('webview hostile content: CSS injection, link schemes and bidi stay inert', function () {
  const pages = usePanelPages();
  let panel: PanelPage;
  const requests: string[] = [];
  beforeEach(() => {
    panel = pages.panel;
    requests.length = 0;
    panel.page.on('request', (request) => requests.push(request.url()));
  });
  afterEach(() => {
    assert.deepEqual(requests.filter((url) => url.includes('evil.example')), [], 'hostile content made a request');
  });

  it('CSS payloads in cells and the detail pane are text: no new style or link element, no inline style, no restyling', async () => {
    const styleOf = () => panel.page.evaluate(() => ({
      sheets: document.querySelectorAll('style, link').length,
      body: getComputedStyle(document.body).backgroundColor,
    }));
    await panel.notify(...snapshot(apiRows(3)));
    const before = await styleOf();
    await panel.notify(...snapshot([hostileRow(), ...apiRows(3, 1)]));
    await panel.page.locator('.grid-body [aria-rowindex="2"]').dblclick();
    const cell = panel.page.locator('.grid-body [aria-rowindex="2"] [aria-colindex="3"]');
    assert.equal(await cell.textContent(), css.slice(0, 300) + (css.length > 300 ? '…' : ''));
    const after = await styleOf();
    assert.deepEqual(after, before, 'the page gained a stylesheet or changed its background');
    const inline = await panel.page.evaluate(() => Array.from(document.querySelectorAll('[style]')).map((e) => e.getAttribute('style') ?? '').filter((s) => /rgb\(255,\s*0,\s*0\)|evil\.example|expression/.test(s)));
    assert.deepEqual(inline, []);
    assert.equal(await panel.page.locator('aside.detail div[style], aside.detail link, aside.detail style').count(), 0);
  });

  it('only http(s) URLs become links, whatever the case or obfuscation; a click asks the host to open exactly that URL', async () => {
    await panel.notify(...snapshot([hostileRow()]));
    await panel.page.locator('.grid-body [aria-rowindex="2"]').dblclick();
    const detail = panel.page.locator('aside.detail');
    const hrefs = await detail.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
    assert.ok(hrefs.length >= 2, 'the https links are links');
    for (const href of hrefs) assert.match(href, /^https:\/\/(example\.com\/ok|evil\.example\/[\w.-]+)$/);
    const response = detail.locator('.detail-section', { hasText: 'Response' }).locator('pre');
    assert.equal(await response.textContent(), schemes.join(' '));
    assert.deepEqual(await response.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href'))), ['https://example.com/ok']);
    await panel.clearPosted();
    await response.locator('a').first().click();
    assert.deepEqual(await panel.postedOfType('openLink'), [{ type: 'openLink', url: 'https://example.com/ok' }]);
    for (const text of ['JaVaScRiPt:', 'data:text/html', 'file:///', 'vbscript:']) {
      const point = await centreOfText(response, text);
      assert.equal(point.under, 'PRE', `"${text}" is plain text in the response, not a link`);
      await panel.page.mouse.click(point.x, point.y);
    }
    // Posts arrive in order: once the second click on the https link is seen, any post from the clicks before it is too.
    await response.locator('a').first().click();
    await panel.page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === 'openLink').length >= 2);
    assert.deepEqual(await panel.postedOfType('openLink'), [
      { type: 'openLink', url: 'https://example.com/ok' },
      { type: 'openLink', url: 'https://example.com/ok' },
    ], 'a non-http scheme asked the host to open it');
  });

  it('bidi overrides, isolates and zero-width characters show exactly in the detail pane and the banner', async () => {
    await panel.notify(...snapshot([hostileRow()]));
    await panel.page.locator('.grid-body [aria-rowindex="2"]').dblclick();
    const values = await panel.page.locator('aside.detail .fields .field-value').allTextContents();
    assert.ok(values.includes(bidi), 'the bidi text is shown exactly');
    await panel.notify({ type: 'error', error: { kind: 'invalid', message: `Daily refused ${bidi}`, canUpdateToken: false } });
    assert.equal(await panel.page.locator('.banner-message').textContent(), `Daily refused ${bidi}`);
  });
});
