import { strict as assert } from 'node:assert';
import { dailyMeetingLogsStream } from '../../src/providers/daily/dailyMeetingLogsStream';
import { signalwireVoiceLogsStream } from '../../src/providers/signalwire/signalwireVoiceLogsStream';
import type { JsonValue, LogRow } from '../../src/protocol/streamDefinition';
import { baseTime, snapshot } from './fixtures';
import { type PanelPage, eventually, usePanelPages } from './harness';

const shownCount = (panel: PanelPage) => panel.page.locator('[role=grid]').getAttribute('aria-rowcount').then((n) => Number(n) - 1);

function voiceRow(index: number, discarded: boolean): LogRow {
  const time = baseTime - index * 60_000;
  const fields: Record<string, JsonValue> = discarded
    ? { id: `v${index}`, created_at: time, discarded_at: time + 1000, discarded: true }
    : { id: `v${index}`, created_at: time, discarded: false, type: 'laml_call', direction: 'inbound', from: '+15550100', to: '+15550199', status: 'completed' };
  return { id: `v${index}`, time, severity: discarded ? 'debug' : 'info', fields };
}

describe('webview: provider fidelity (discarded voice logs, unnamed levels)', function () {
  this.timeout(60_000);
  const pages = usePanelPages();

  it('marks discarded voice logs with a badge, not a status, and hides them with their own toggle', async () => {
    const panel = pages.panel;
    const rows = [voiceRow(0, false), voiceRow(1, true), voiceRow(2, false)];
    await panel.notify(...snapshot(rows, {}, signalwireVoiceLogsStream));
    const columns = signalwireVoiceLogsStream.columns.filter((c) => !c.hidden).map((c) => c.key);
    const cell = (row: number, key: string) =>
      panel.page.locator(`.grid-body [aria-rowindex="${row + 2}"] [aria-colindex="${columns.indexOf(key) + 1}"]`);
    assert.equal(await cell(1, 'discarded').textContent(), '⊘ discarded');
    assert.match((await cell(1, 'discarded').getAttribute('class')) ?? '', /flag-on/);
    assert.equal(await cell(1, 'status').textContent(), '');
    assert.equal(await cell(0, 'discarded').textContent(), '');
    const toggle = panel.page.locator('.toolbar vscode-checkbox', { hasText: 'Discarded' });
    assert.equal(await toggle.count(), 1);
    await toggle.click();
    await eventually(() => shownCount(panel), 2);
    await panel.page.waitForFunction(() => {
      const state = (window as unknown as { __state: () => { ui?: { hiddenFlags?: string[] } } }).__state();
      return state.ui?.hiddenFlags?.includes('discarded') === true;
    });
    await toggle.click();
    await eventually(() => shownCount(panel), 3);
    assert.deepEqual(panel.errors, []);
  });

  it('a meeting-log level the API has not named shows its number, without a severity colour', async () => {
    const panel = pages.panel;
    const row = (id: string, level: string, severity: 'error' | 'info') =>
      ({ id, time: baseTime, severity, fields: { time: baseTime, level, levelNumber: 2, message: id } }) as LogRow;
    await panel.notify(...snapshot([row('named', 'error', 'error'), row('raw', 'level 2', 'info')], {}, dailyMeetingLogsStream));
    const levelCell = (position: number) => panel.page.locator(`.grid-body [aria-rowindex="${position + 2}"] [aria-colindex="2"]`);
    assert.equal(await levelCell(0).textContent(), 'error');
    assert.match((await levelCell(0).getAttribute('class')) ?? '', /tone-error/);
    assert.equal(await levelCell(1).textContent(), 'level 2');
    assert.doesNotMatch((await levelCell(1).getAttribute('class')) ?? '', /tone-/);
  });
});
