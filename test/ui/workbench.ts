import type { FrameLocator, Locator, Page } from 'playwright-core';

/** Selectors measured against code-server 4.139 (VS Code 1.139); see DESIGN.md "Running a real VS Code here". */
export const selectors = {
  workbench: '.monaco-workbench',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  toast: '.notifications-toasts .notification-list-item-message',
  activityBarItem: (title: string) => `.activitybar .action-label[aria-label="${title}"]`,
  treeRows: (containerId: string) => `[id="workbench.view.extension.${containerId}"] .monaco-list-row[role="treeitem"]`,
} as const;

export async function openWorkbench(page: Page, origin: string, workspace: string): Promise<void> {
  await page.goto(`${origin}/?folder=${encodeURIComponent(workspace)}`, { timeout: 60_000, waitUntil: 'domcontentloaded' });
  await page.locator(selectors.workbench).waitFor({ timeout: 60_000 });
}

/** Runs a command from the palette by its full title ("API Logs: Add Account"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  // A quick input still closing (a dialog just answered) would take the F1 and then hide with the palette's box.
  await page.locator(selectors.quickInput).waitFor({ state: 'hidden' });
  await page.keyboard.press('F1');
  const box = page.locator(selectors.quickInputBox);
  await box.waitFor();
  await box.fill(`>${title}`);
  // The row labelled exactly `title` (a key binding may follow after a comma). Enter runs the focused row, which
  // may be another match ("Browse Color Themes…" before "Color Theme"), so that row is clicked instead.
  const row = page.locator(`${selectors.quickInput} .monaco-list-row:is([aria-label="${title}"], [aria-label^="${title}, "])`).first();
  await row.waitFor();
  if ((await row.getAttribute('class'))?.split(' ').includes('focused')) await box.press('Enter');
  else await row.click();
}

/**
 * Waits for the input box or quick pick whose title, prompt or placeholder matches `expected`, types `value` and
 * accepts it. Returns the input's `type` attribute so callers can check password inputs.
 */
export async function answerQuickInput(page: Page, expected: RegExp, value: string): Promise<string | null> {
  const widget = page.locator(selectors.quickInput);
  const box = page.locator(selectors.quickInputBox);
  const text = async () => {
    const visible = await widget.isVisible();
    return visible ? `${await widget.innerText()}\n${await box.getAttribute('placeholder')}` : '';
  };
  await waitUntil(async () => expected.test(await text().catch(() => '')), `quick input matching ${expected}`);
  const type = await box.getAttribute('type');
  await box.fill(value);
  await box.press('Enter');
  return type;
}

/** "API Logs: Add Account" with one Daily connection to `baseUrl`; returns the key input's `type` (password). */
export async function addDailyAccount(page: Page, account: string, token: string, baseUrl: string): Promise<string | null> {
  await runCommand(page, 'API Logs: Add Account');
  await answerQuickInput(page, /organisation or environment/, account);
  await answerQuickInput(page, /Choose a provider/, 'Daily');
  const keyInputType = await answerQuickInput(page, /Daily API key/, token);
  await answerQuickInput(page, /base URL override/, baseUrl);
  return keyInputType;
}

export function treeRow(page: Page, containerId: string, label: string): Locator {
  const exactly = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page.locator(selectors.treeRows(containerId)).filter({ has: page.locator('.label-name', { hasText: exactly }) });
}

export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** The content frame of the visible webview (hidden ones are `visibility: hidden` or already disposed). */
export function visibleWebview(page: Page): FrameLocator {
  return page.locator('iframe.webview.ready:visible').contentFrame().frameLocator('iframe#active-frame');
}

/** The log table's data rows in the visible webview (the grid recycles hidden row elements). */
export function gridRows(page: Page): Locator {
  return visibleWebview(page).locator('[role="grid"] .grid-body [role="row"]:not([hidden])');
}

export function activeTab(page: Page, title: string): Locator {
  return page.locator(`.tabs-container .tab.active[aria-label="${title}"]`);
}

/** "Try with Sample Data" from the API Logs view's welcome content; waits for the Daily API logs panel's rows. */
export async function trySampleData(page: Page): Promise<void> {
  await page.locator(selectors.activityBarItem('API Logs')).click();
  const welcome = page.locator('[id="workbench.view.extension.apiLogs"] .welcome-view-content');
  await welcome.getByRole('button', { name: 'Try with Sample Data' }).click();
  await activeTab(page, 'Daily · API logs — Sample').waitFor({ timeout: 30_000 });
  await gridRows(page).first().waitFor({ timeout: 30_000 });
}

/** The tree row labelled `label` that follows the row labelled `parent` (labels repeat across connections). */
export function childTreeRow(page: Page, containerId: string, parent: string, label: string): Promise<Locator> {
  return treeRowAt(page, containerId, [parent, label]);
}

/** The tree row at a path of labels, each one below the one before it (`Acme`, `Daily`, `API logs`). */
export async function treeRowAt(page: Page, containerId: string, path: readonly string[]): Promise<Locator> {
  const rows = page.locator(selectors.treeRows(containerId));
  const entries = await rows.evaluateAll((elements) =>
    elements.map((e) => ({ label: e.querySelector('.label-name')?.textContent ?? '', level: Number(e.getAttribute('aria-level')) })),
  );
  // Search the whole tree for the first label, then only the rows below the one found (up to its next sibling).
  let [index, end] = [-1, entries.length];
  for (const label of path) {
    const found = entries.findIndex((entry, i) => i > index && i < end && entry.label === label);
    if (found < 0) throw new Error(`no tree row "${label}" in ${path.join(' › ')}`);
    const next = entries.findIndex((entry, i) => i > found && entry.level <= entries[found]!.level);
    [index, end] = [found, next < 0 ? entries.length : next];
  }
  return rows.nth(index);
}

/** Waits until the tree shows a row at the path of labels (it refreshes after changes) and returns it. */
export async function waitForTreeRow(page: Page, containerId: string, path: readonly string[]): Promise<Locator> {
  await waitUntil(() => treeRowAt(page, containerId, path).then(() => true, () => false), `the tree row ${path.join(' › ')}`);
  return treeRowAt(page, containerId, path);
}

/** Expands a collapsed tree row (no-op when already expanded). */
export async function expandTreeRow(row: Locator): Promise<void> {
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
  await waitUntil(async () => (await row.getAttribute('aria-expanded')) === 'true', 'the tree row to expand');
}

/** "Developer: Reload Window" runs the workbench's shutdown, which saves the webview state (a browser F5 may not). */
export async function reloadWindow(page: Page): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 30_000 });
  await runCommand(page, 'Developer: Reload Window');
  await navigated;
  await page.locator(selectors.workbench).waitFor({ timeout: 60_000 });
}

/** Switches the colour theme through "Preferences: Color Theme" and waits until the workbench uses it. */
export async function setColorTheme(page: Page, theme: string, kind: 'vs' | 'vs-dark'): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  const box = page.locator(selectors.quickInputBox);
  await waitUntil(async () => /color theme/i.test((await box.getAttribute('placeholder').catch(() => '')) ?? ''), 'the theme picker');
  await box.fill(theme);
  await page.locator(`${selectors.quickInput} .monaco-list-row`, { hasText: theme }).first().click();
  await page.locator(`${selectors.workbench}.${kind}`).waitFor();
}

/**
 * Shows an output channel through its command and returns its text, one log line per line: Monaco renders spaces
 * as no-break spaces and word-wraps long lines into several view lines, which are joined again here.
 */
export async function outputChannelText(page: Page, showCommand: string): Promise<string> {
  await runCommand(page, showCommand);
  const lines = page.locator('.part.panel .output-view .view-lines').first();
  await lines.locator('.view-line').first().waitFor();
  const viewLines = await lines.locator('.view-line').evaluateAll((elements) =>
    elements
      .map((element) => ({ top: parseFloat((element as HTMLElement).style.top), text: element.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text.replace(/\u00a0/g, ' ')),
  );
  return viewLines.join('\n').replace(/\n(?!\d{4}-\d{2}-\d{2} )/g, '');
}
