// `API_LOGS_DEMO_CHECK=1 npm run demo`: the non-interactive proof that the demo works (CI runs it). Opens the
// printed URL in headless Chromium, waits for sample rows in the Daily API logs panel, then stops code-server and
// checks that its whole process group is gone and the port is free.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { launchBrowser } from '../support/chromium';
import { groupAlive } from '../support/processTree';
import { activeTab, gridRows, selectors, waitUntil } from '../ui/workbench';
import { repoRoot, type RunningCodeServer } from './codeServer';

export const demoCheckVariable = 'API_LOGS_DEMO_CHECK';
/** Generous bounds for a loaded 2-core machine; each wait ends as soon as its condition holds. */
const workbenchTimeoutMs = 120_000;
const rowsTimeoutMs = 120_000;
const stopTimeoutMs = 15_000;
const samplePanelTitle = 'Daily · API logs — Sample';

export async function checkDemo(server: RunningCodeServer, url: string): Promise<void> {
  const browser = await launchBrowser();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  try {
    await page.goto(url, { timeout: workbenchTimeoutMs, waitUntil: 'domcontentloaded' });
    await page.locator(selectors.workbench).waitFor({ timeout: workbenchTimeoutMs });
    await activeTab(page, samplePanelTitle).waitFor({ timeout: rowsTimeoutMs });
    await gridRows(page).first().waitFor({ timeout: rowsTimeoutMs });
    const rows = await gridRows(page).count();
    process.stdout.write(`Demo check: the "${samplePanelTitle}" panel shows ${rows} sample rows.\n`);
  } catch (error) {
    const picture = join(repoRoot, 'test-results', 'demo-check-failure.png');
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    await page.screenshot({ path: picture }).catch(() => undefined);
    throw new Error(`Demo check: no sample rows in the "${samplePanelTitle}" panel at ${url} (screenshot: ${picture}): ${String(error)}`, { cause: error });
  } finally {
    await browser.close();
  }
  await server.stop();
  await waitUntil(async () => !groupAlive(server.processGroup), `code-server's process group ${server.processGroup} to end`, stopTimeoutMs);
  await waitUntil(() => portIsFree(server.port), `port ${server.port} to be free`, stopTimeoutMs);
  process.stdout.write(`Demo check: code-server stopped, process group ${server.processGroup} gone, port ${server.port} free.\n`);
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}
