import type { Locator, Page } from 'playwright-core';

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
  await page.goto(`${origin}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator(selectors.workbench).waitFor({ timeout: 60_000 });
}

/** Runs a command from the palette by its full title ("API Logs: Add Account"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const box = page.locator(selectors.quickInputBox);
  await box.waitFor();
  await box.fill(`>${title}`);
  const row = page.locator(`${selectors.quickInput} .monaco-list-row[aria-label^="${title}"]`).first();
  await row.waitFor();
  await box.press('Enter');
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
