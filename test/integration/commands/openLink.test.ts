import * as assert from 'node:assert/strict';
import { isOpenableLink, openLink } from '../../../src/commands/openLink';

/** Links from log content: only http(s), and only after the user confirmed the exact URL. */
describe('openLink (links from untrusted log content)', () => {
  const hostile = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'file:///etc/passwd',
    'vscode://settings/apiLogs',
    'command:workbench.action.reloadWindow',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    'not a url',
  ];

  it('refuses every non-http(s) scheme without asking the user', async () => {
    for (const url of hostile) {
      let asked = false;
      const opened = await openLink(url, async () => ((asked = true), true));
      assert.equal(opened, false, url);
      assert.equal(asked, false, `${url}: the user was asked to open it`);
      assert.equal(isOpenableLink(url), false, url);
    }
  });

  it('shows the full http(s) URL for confirmation and opens nothing when the user declines', async () => {
    for (const url of ['https://example.com/a?b=c', 'http://127.0.0.1:8080/x', 'HTTPS://EXAMPLE.COM/upper']) {
      let question = '';
      const opened = await openLink(url, async (message) => ((question = message), false));
      assert.equal(opened, false);
      assert.ok(question.includes(url), `the confirmation does not show ${url}: ${question}`);
    }
  });
});
