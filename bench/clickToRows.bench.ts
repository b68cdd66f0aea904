/**
 * Click on a stream in the tree → its first rows painted in the panel, in code-server with the production .vsix
 * (`npm run package`, built here unless API_LOGS_VSIX names one) against the sample servers (run:
 * `npx tsx bench/clickToRows.bench.ts`). "Try with Sample Data" creates the Sample account; then the window is
 * reloaded, so the first click finds a fresh extension host with the sample servers stopped and a workbench that
 * has not shown a webview yet. Ten clicks go round
 * five streams, each on a fresh panel (all editors closed between clicks). Each is timed in the page's own clock
 * from the pointer press in the workbench to the frame after the webview's grid first holds a data row (its text is
 * checked against the stream), with the steps between: webview frame created, bundle loaded, first rows message.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { clickProbeSource, type ClickProbeReport } from './clickProbe';
import { median, percentile } from './pageRows';
import { atMost, recordBench, reference, type Figure } from './results';
import { repoRoot } from '../test/codeServer/codeServer';
import { screenshot, startUiSession, vsix } from '../test/ui/uiSession';
import { activeTab, expandTreeRow, runCommand, selectors, treeRow, trySampleData, waitForTreeRow, waitUntil } from '../test/ui/workbench';

/** Streams that show rows without a choice first (meeting logs need a session), with a text their rows hold. */
const streams = [
  { connection: 'Daily', stream: 'API logs', rowText: /\b(GET|POST|DELETE)\b.*\/\w+/ },
  { connection: 'Lago', stream: 'API logs', rowText: /\b(GET|POST|PUT|DELETE)\b.*\/\w+/ },
  { connection: 'SignalWire', stream: 'Video logs', rowText: /\w/ },
  { connection: 'Daily', stream: 'Webhook logs', rowText: /https?:\/\/|\/\w+/ },
  { connection: 'SignalWire', stream: 'Voice logs', rowText: /\+\d{6,}|sip:|\w+@/ },
] as const;
const clicks = 10;

interface Click {
  readonly stream: string;
  readonly total: number;
  readonly frame: number;
  readonly script?: number;
  readonly message?: number;
  readonly rowsInDom: number;
}

async function closeAllEditors(page: Page): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
}

/**
 * Reloads the window through the workbench ("Developer: Reload Window"), a fresh extension host: the sample servers
 * stay stopped until a Sample connection is used. (A browser reload may not save the closed editors in time and
 * restores the panel closed just before it.)
 */
async function reloadWindow(page: Page): Promise<void> {
  const loaded = page.waitForEvent('load', { timeout: 60_000 });
  await runCommand(page, 'Developer: Reload Window');
  await loaded;
  await page.locator(selectors.workbench).waitFor({ timeout: 60_000 });
  await treeRow(page, 'apiLogs', 'Sample').waitFor({ timeout: 60_000 });
  if ((await page.locator('.tabs-container .tab').count()) > 0) throw new Error('a closed panel came back after the reload');
}

/** Expands the three connections; after the reload the tree may redraw under a first click, so it is repeated. */
async function expandConnections(page: Page): Promise<void> {
  await treeRow(page, 'apiLogs', 'Sample').waitFor({ timeout: 60_000 });
  for (const connection of ['Daily', 'Lago', 'SignalWire']) {
    await waitUntil(async () => {
      await expandTreeRow(treeRow(page, 'apiLogs', connection)).catch(() => undefined);
      return (await treeRow(page, 'apiLogs', connection).getAttribute('aria-expanded')) === 'true';
    }, `the ${connection} connection to expand`, 120_000);
  }
}

/** The probe's report from the webview frame created after `since` (closed panels' frames may linger). */
async function reportAfter(page: Page, since: number): Promise<ClickProbeReport | undefined> {
  for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
    const report = await frame.evaluate(() => (window as unknown as { __clickToRowsReport?: ClickProbeReport }).__clickToRowsReport).catch(() => undefined);
    if (report && report.frameStart > since) return report;
  }
  return undefined;
}

async function waitForReport(page: Page, since: number, what: string): Promise<ClickProbeReport> {
  let report: ClickProbeReport | undefined;
  await waitUntil(async () => (report = await reportAfter(page, since)) !== undefined, what, 60_000);
  return report as ClickProbeReport;
}

async function timeClick(page: Page, target: (typeof streams)[number]): Promise<Click> {
  await expandConnections(page);
  const row = await waitForTreeRow(page, 'apiLogs', [target.connection, target.stream]);
  await row.click();
  const clickedAt = (await page.evaluate(() => (window as unknown as { __lastPointerDown: number }).__lastPointerDown)) as number;
  await activeTab(page, `${target.connection} · ${target.stream} — Sample`).waitFor();
  const report = await waitForReport(page, clickedAt, `rows of ${target.connection} ${target.stream}`);
  if (!target.rowText.test(report.rowText)) throw new Error(`${target.connection} ${target.stream} showed a row that is not its own: ${report.rowText}`);
  const since = (at: number | undefined) => (at === undefined ? undefined : at - clickedAt);
  return {
    stream: `${target.connection} ${target.stream}`,
    total: report.painted - clickedAt,
    frame: report.frameStart - clickedAt,
    script: since(report.scriptLoaded),
    message: since(report.firstRowsMessage),
    rowsInDom: report.rowsInDom - clickedAt,
  };
}

function stepFigures(times: readonly Click[]): Figure[] {
  const step = (name: string, values: (number | undefined)[]) => {
    const known = values.filter((value): value is number => value !== undefined);
    return known.length === 0 ? [] : [reference(`click → ${name}, median`, median(known), 'ms', known.length)];
  };
  return [
    ...step('webview frame created', times.map((t) => t.frame)),
    ...step('webview bundle loaded', times.map((t) => t.script)),
    ...step('first rows message in the webview', times.map((t) => t.message)),
    ...step('rows in the DOM', times.map((t) => t.rowsInDom)),
  ];
}

async function main(): Promise<void> {
  if (!process.env.API_LOGS_VSIX) {
    const built = spawnSync('npm', ['run', 'package'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) throw new Error(`npm run package failed (${built.status})`);
  }
  process.stderr.write(`click bench: ${vsix}\n`);
  const ui = await startUiSession({ settings: { 'workbench.colorTheme': 'Dark Modern' } });
  try {
    const { page, context } = ui;
    await context.addInitScript({ content: clickProbeSource() });
    await trySampleData(page);
    await closeAllEditors(page);
    await reloadWindow(page);
    await expandConnections(page);
    const loadBefore = loadavg()[0];
    const times: Click[] = [];
    for (let i = 0; i < clicks; i++) {
      times.push(await timeClick(page, streams[i % streams.length]));
      await closeAllEditors(page);
    }
    for (const time of times) process.stderr.write(`  ${time.stream}: ${time.total.toFixed(0)} ms (frame ${time.frame.toFixed(0)}, bundle ${time.script?.toFixed(0)}, rows message ${time.message?.toFixed(0)}, DOM ${time.rowsInDom.toFixed(0)})\n`);
    const totals = times.map((time) => time.total);
    recordBench('clickToRows', [
      atMost('click a stream → first rows painted, p95', percentile(totals, 95), 'ms', 500, clicks),
      reference('click a stream → first rows painted, median', median(totals), 'ms', clicks),
      reference('click a stream → first rows painted, first click after the reload', totals[0], 'ms', 1),
      ...stepFigures(times),
      reference('load average (1 min) at the start of the clicks', loadBefore, 'load', 1),
      reference('load average (1 min) at the end of the clicks', loadavg()[0], 'load', 1),
    ]);
  } catch (error) {
    process.stderr.write(`screenshot of the failure: ${await screenshot(ui.page, 'bench-click-to-rows-failure.png').catch(() => 'none')}\n`);
    for (const frame of ui.page.frames()) {
      const state = await frame.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return JSON.stringify({ href: location.href.slice(-60), probe: w.__clickToRowsProbe, report: w.__clickToRowsReport, pointer: w.__lastPointerDown, origin: performance.timeOrigin });
      }).catch((e: unknown) => String(e).slice(0, 80));
      process.stderr.write(`  frame ${state}\n`);
    }
    throw error;
  } finally {
    await ui.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
