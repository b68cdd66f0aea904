import { randomBytes } from 'node:crypto';

export interface PanelHtmlOptions {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** Webview URI of `dist/webview/main.js`. */
  readonly scriptUri: string;
  /** Webview URI of `dist/webview/main.css`, when the build produced one. */
  readonly styleUri?: string;
  readonly title: string;
  /** Fresh for every render: `createNonce()`. */
  readonly nonce: string;
}

/** 128 bits from the OS CSPRNG; base64 is within the CSP nonce grammar. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The panel page: an empty `#app` root (the page's main landmark) filled by the bundled script. Nothing from logs is ever in this HTML; rows
 * arrive as messages and the front end writes them as text. The `csp-nonce` meta tag lets the toolkit's focus
 * probe insert its `<style>` under the CSP (see DESIGN.md, "Webview CSP with the toolkit").
 */
export function renderPanelHtml(options: PanelHtmlOptions): string {
  const { cspSource, nonce } = options;
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
  const style = options.styleUri ? `\n    <link rel="stylesheet" href="${escapeHtml(options.styleUri)}">` : '';
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
    <meta property="csp-nonce" content="${escapeHtml(nonce)}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <title>${escapeHtml(options.title)}</title>${style}
  </head>
  <body>
    <main id="app"></main>
    <script nonce="${escapeHtml(nonce)}" src="${escapeHtml(options.scriptUri)}"></script>
  </body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
