import { strict as assert } from 'node:assert';
import type { LogRow } from '../../src/protocol/streamDefinition';
import { dailyApiLogsStream } from '../../src/providers/daily/dailyApiLogsStream';
import { lagoApiLogsStream } from '../../src/providers/lago/lagoApiLogsStream';
import { mergeNewestFirst } from '../../src/timeline/mergeRows';
import { toTimelineRow, type SourceInfo } from '../../src/timeline/sourceRows';
import { timelineDefinition } from '../../src/timeline/timelineDefinition';
import { baseTime, init, status } from './fixtures';
import { type PanelPage, eventually, usePanelPages } from './harness';

const sources: SourceInfo[] = [
  { index: 0, provider: 'daily', label: 'Acme · Daily · API logs', definition: dailyApiLogsStream },
  { index: 1, provider: 'lago', label: 'Acme · Lago · API logs', definition: lagoApiLogsStream },
];

function mergedRows(): LogRow[] {
  const daily = Array.from({ length: 6 }, (_, i) => {
    const time = baseTime - i * 2000;
    return toTimelineRow(sources[0], { id: `d${i}`, time, severity: i === 0 ? 'error' : 'info', fields: { createdAt: time, method: 'POST', url: `/v1/rooms/room-${i}`, status: i === 0 ? 503 : 200 } });
  });
  const lago = Array.from({ length: 6 }, (_, i) => {
    const time = baseTime - 1000 - i * 2000;
    return toTimelineRow(sources[1], { id: `l${i}`, time, severity: 'info', fields: { logged_at: time, http_method: 'GET', request_path: '/api/v1/events', http_status: 200, external_customer_id: `cus-${i}` } });
  });
  return mergeNewestFirst([daily, lago]);
}

/** A timeline in the log-table webview: the merged rows with their Source, the completeness, the common fields. */
describe('webview: timeline', function () {
  this.timeout(60_000);
  const pages = usePanelPages();
  let panel: PanelPage;
  beforeEach(() => {
    panel = pages.panel;
  });

  const visibleRows = () =>
    panel.page.$$eval('.grid-body .grid-row:not([hidden])', (rows) =>
      rows
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
        .map((row) => {
          const source = row.querySelector('[aria-colindex="2"]');
          return `${source?.className.includes('source-chip') ? source.className.replace(/.*(source-\d).*/, '$1') : 'no chip'} ${source?.textContent} | ${row.querySelector('[aria-colindex="6"]')?.textContent}`;
        }),
    );

  it('shows merged rows newest first with a Source column whose chip colours each stream', async () => {
    const rows = mergedRows();
    const definition = timelineDefinition(sources);
    const timeline = {
      completeness: { kind: 'since' as const, since: baseTime - 11_000, behind: ['Acme · Lago · API logs'] },
      sources: [
        { label: 'Acme · Daily · API logs', colour: 0, loaded: 6, more: true },
        { label: 'Acme · Lago · API logs', colour: 1, loaded: 6, more: true },
      ],
    };
    await panel.notify(init(definition), { type: 'rows', mode: 'replace', rows }, { type: 'status', status: status({ loaded: rows.length, more: true, timeline }) });
    const headers = await panel.page.$$eval('[role=columnheader]', (cells) => cells.map((cell) => cell.textContent?.trim()));
    assert.deepEqual(headers.slice(0, 3).map((text) => text?.replace(/[^A-Za-z]/g, '')), ['Time', 'Source', 'Level']);
    const shown = await visibleRows();
    assert.deepEqual(shown.slice(0, 4), [
      'source-0 Acme · Daily · API logs | /v1/rooms/room-0',
      'source-1 Acme · Lago · API logs | /api/v1/events',
      'source-0 Acme · Daily · API logs | /v1/rooms/room-1',
      'source-1 Acme · Lago · API logs | /api/v1/events',
    ]);
    const chips = await panel.page.$$eval('.grid-body .source-chip', (cells) => [...new Set(cells.map((cell) => getComputedStyle(cell, '::before').backgroundColor))]);
    assert.equal(chips.length, 2, `chip colours: ${chips.join(', ')}`);
    const legend = await panel.page.$$eval('.histogram-legend-item', (items) => items.map((item) => item.textContent));
    assert.deepEqual(legend, ['Acme · Daily · API logs', 'Acme · Lago · API logs', 'error rate'], 'the histogram stacks by source');
    const statusText = await panel.page.locator('.status-text').textContent();
    assert.match(statusText ?? '', /complete back to 11:59:49 · Acme · Lago · API logs has more/);
  });

  it('filters the merged rows on common and provider-prefixed fields', async () => {
    const rows = mergedRows();
    await panel.notify(init(timelineDefinition(sources)), { type: 'rows', mode: 'replace', rows }, { type: 'status', status: status({ loaded: rows.length }) });
    const input = panel.page.locator('.query-input');
    await input.fill('status:5xx OR lago.external_customer_id:cus-2');
    await input.press('Enter');
    await eventually(visibleRows, ['source-0 Acme · Daily · API logs | /v1/rooms/room-0', 'source-1 Acme · Lago · API logs | /api/v1/events']);
    assert.deepEqual(panel.errors, []);
  });

  it('persists the identity the host sends after Save As, so the serializer restores the saved timeline', async () => {
    const sourcesRefs = [{ accountId: 'acme', provider: 'daily' as const, streamId: 'daily.api' as const }];
    const identity = { kind: 'timeline' as const, sources: sourcesRefs, query: 'status:5xx' };
    await panel.notify({ ...init(timelineDefinition(sources)), identity }, { type: 'identity', identity: { ...identity, viewId: 'view-1' } });
    const read = async () => {
      const state = (await panel.state()) as { kind?: string; viewId?: string; sources?: unknown } | undefined;
      return { kind: state?.kind, viewId: state?.viewId, sources: state?.sources };
    };
    await eventually(read, { kind: 'timeline', viewId: 'view-1', sources: sourcesRefs });
  });

  it('offers Show Around This Time and Find Related in a row’s own menu, and asks the host to run them with the applied query', async () => {
    const rows = mergedRows();
    await panel.notify(init(timelineDefinition(sources)), { type: 'rows', mode: 'replace', rows }, { type: 'status', status: status({ loaded: rows.length }) });
    const menu = panel.page.locator('.context-menu');
    await panel.page.locator('.grid-body [aria-rowindex="3"] [aria-colindex="6"]').click({ button: 'right' });
    assert.deepEqual(await menu.getByRole('menuitem').allTextContents(), ['Filter to this value', 'Exclude this value', 'Show Around This Time…', 'Find Related…']);
    await menu.getByRole('menuitem', { name: 'Find Related…' }).click();
    const input = panel.page.locator('.query-input');
    await input.fill('status:5xx');
    await input.press('Enter');
    await panel.page.locator('.grid-body [aria-rowindex="2"] [aria-colindex="6"]').click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Show Around This Time…' }).click();
    assert.deepEqual(await panel.postedOfType('rowCommand'), [
      { type: 'rowCommand', command: 'findRelated', rowId: rows[1].id, query: '' },
      { type: 'rowCommand', command: 'showAroundTime', rowId: rows[0].id, query: 'status:5xx' },
    ]);
  });
});
