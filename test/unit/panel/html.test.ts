import assert from 'node:assert/strict';
import { createNonce, renderPanelHtml } from '../../../src/panel/html';

const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';

function render(overrides: Partial<Parameters<typeof renderPanelHtml>[0]> = {}): string {
  return renderPanelHtml({ cspSource, scriptUri: `${cspSource}/ext/dist/webview/main.js`, title: 'Daily · API logs', nonce: 'abc123==', ...overrides });
}

describe('panel html', () => {
  it('sets a strict CSP with the nonce and no inline or remote sources', () => {
    const html = render();
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1].replace(/&#39;/g, "'");
    assert.equal(
      csp,
      `default-src 'none'; script-src 'nonce-abc123=='; style-src ${cspSource} 'nonce-abc123=='; font-src ${cspSource}; img-src ${cspSource} data:`,
    );
    assert.ok(!html.includes('unsafe-inline') && !html.includes('unsafe-eval'));
  });

  it('carries the nonce for the toolkit and on the one script tag', () => {
    const html = render();
    assert.match(html, /<meta property="csp-nonce" content="abc123==">/);
    assert.deepEqual(html.match(/<script[^>]*>/g), [`<script nonce="abc123==" src="${cspSource}/ext/dist/webview/main.js">`]);
    assert.match(html, /<main id="app"><\/main>/);
  });

  it('links the stylesheet only when there is one', () => {
    assert.ok(!render().includes('<link'));
    assert.match(render({ styleUri: `${cspSource}/main.css` }), /<link rel="stylesheet" href="[^"]+\/main\.css">/);
  });

  it('escapes the title, which holds the user-chosen account name', () => {
    const html = render({ title: 'Acme </title><script>alert(1)</script>' });
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.match(html, /<title>Acme &#60;\/title&#62;&#60;script&#62;/);
  });

  it('makes a fresh 128-bit nonce every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    assert.equal(nonces.size, 100);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16);
  });
});
