import { strict as assert } from 'node:assert';
import type { LogRow } from '../../src/protocol/streamDefinition';
import { apiRows, snapshot } from './fixtures';
import { type PanelPage, eventually, usePanelPages } from './harness';

/** Each visible column's header cell: its width, and whether its title or any of its cells is cut. */
function columnsAsShown(panel: PanelPage) {
  return panel.page.evaluate(() => {
    const headers = Array.from(document.querySelectorAll<HTMLElement>('[role=columnheader]'));
    return headers.map((header, index) => {
      const title = header.querySelector<HTMLElement>('.sort-button')!;
      const cells = Array.from(document.querySelectorAll<HTMLElement>(`.grid-body .grid-row:not([hidden]) [aria-colindex="${index + 1}"]`));
      return {
        key: title.dataset.column,
        width: Math.round(header.getBoundingClientRect().width),
        titleCut: title.scrollWidth > title.clientWidth,
        cutCells: cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent),
      };
    });
  });
}

const withUrl = (rows: LogRow[], url: (i: number) => string): LogRow[] => rows.map((row, i) => ({ ...row, fields: { ...row.fields, url: url(i) } }));

describe('webview table: columns fit their values', function () {
  const pages = usePanelPages();
  let panel: PanelPage;
  beforeEach(() => {
    panel = pages.panel;
  });

  it('sizes each column to its title and values, so neither is cut, whatever the definition width', async () => {
    const rows = withUrl(apiRows(30), (i) => `/v1/rooms/a-rather-long-room-name-${i}/presence`);
    await panel.notify(...snapshot(rows));
    const shown = await columnsAsShown(panel);
    assert.deepEqual(
      shown.filter((column) => column.titleCut || column.cutCells.length > 0),
      [],
      'no title or cell is cut',
    );
    const url = shown.find((column) => column.key === 'url')!;
    const status = shown.find((column) => column.key === 'status')!;
    assert.ok(url.width > 320, `the URL column grew past its definition width (${url.width})`);
    assert.ok(status.width < url.width / 3, `the Status column stays narrow (${status.width})`);
  });

  it('lets one very long value be cut instead of widening the column for every row', async () => {
    const rows = withUrl(apiRows(40), (i) => (i === 7 ? `/v1/rooms/${'x'.repeat(400)}` : `/v1/rooms/room-${i}`));
    await panel.notify(...snapshot(rows));
    const url = (await columnsAsShown(panel)).find((column) => column.key === 'url')!;
    assert.equal(url.cutCells.length, 1);
    assert.ok(url.cutCells[0]?.startsWith('/v1/rooms/xxx'));
  });

  it('grows for a new result set but never shrinks, and a double click on the handle fits a dragged column again', async () => {
    await panel.notify(...snapshot(withUrl(apiRows(20), (i) => `/v1/rooms/medium-name-${i}`)));
    const urlWidth = async () => (await columnsAsShown(panel)).find((column) => column.key === 'url')!.width;
    const fitted = await urlWidth();
    await panel.notify({ type: 'rows', mode: 'replace', rows: withUrl(apiRows(20), (i) => `/r/${i}`) });
    assert.equal(await urlWidth(), fitted, 'shorter values keep the width');
    await panel.notify({ type: 'rows', mode: 'replace', rows: withUrl(apiRows(20), (i) => `/v1/rooms/a-much-longer-room-name-${i}/presence`) });
    const grown = await urlWidth();
    assert.ok(grown > fitted, `${grown} > ${fitted}`);

    const handle = panel.page.getByRole('separator', { name: 'Resize URL' });
    await handle.focus();
    for (let i = 0; i < 4; i++) await panel.page.keyboard.press('ArrowLeft');
    await eventually(urlWidth, grown - 64);
    await eventually(async () => ((await panel.state()) as { ui?: { columnWidths?: Record<string, number> } } | undefined)?.ui?.columnWidths?.url, grown - 64);
    await handle.dblclick();
    await eventually(urlWidth, grown);
    await eventually(async () => ((await panel.state()) as { ui?: { columnWidths?: Record<string, number> } } | undefined)?.ui?.columnWidths?.url, undefined);
  });
});
