import { strict as assert } from 'node:assert';
import { dailyMeetingLogsStream } from '../../src/providers/daily/dailyMeetingLogsStream';
import { signalwireVoiceLogsStream } from '../../src/providers/signalwire/signalwireVoiceLogsStream';
import type { JsonValue, LogRow } from '../../src/protocol/streamDefinition';
import { baseTime, init, snapshot, status } from './fixtures';
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
      // Undefined until the first batched state write.
      const state = (window as unknown as { __state: () => { ui?: { hiddenFlags?: string[] } } | undefined }).__state();
      return state?.ui?.hiddenFlags?.includes('discarded') === true;
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

  it('the session picker searches by room and time frame, pages with More…, and picks a participant', async () => {
    const panel = pages.panel;
    await panel.notify(init(dailyMeetingLogsStream, {}), { type: 'status', status: status() });
    const bar = panel.page.locator('.filter-bar');
    const meeting = bar.locator('.filter', { hasText: 'Meeting session' }).first();
    await meeting.getByRole('button', { name: 'Recent sessions…' }).click();
    const session = (id: string, hour: number, people: { id: string; name: string }[] = []) =>
      ({ id, room: 'standup', startTime: Date.UTC(2026, 10, 23, hour), duration: 600, participants: people, ongoing: false });
    const [first] = await panel.postedOfType('listMeetingSessions');
    assert.deepEqual(first.query, {});
    await panel.notify({ type: 'reply', id: first.id, result: { sessions: [session('m-new', 9)], more: true } });
    await meeting.locator('.meeting-search vscode-text-field input').fill('standup');
    await meeting.locator('.meeting-search input[type=datetime-local]').first().fill('2026-11-20T08:00');
    await meeting.getByRole('button', { name: 'Search' }).click();
    const search = (await panel.postedOfType('listMeetingSessions'))[1];
    assert.deepEqual(search.query, { room: 'standup', from: Date.UTC(2026, 10, 20, 8) });
    await panel.notify({ type: 'reply', id: search.id, result: { sessions: [session('m-1', 9)], more: true } });
    await meeting.getByRole('button', { name: 'More…' }).click();
    const more = (await panel.postedOfType('listMeetingSessions'))[2];
    assert.deepEqual(more.query, { room: 'standup', from: Date.UTC(2026, 10, 20, 8), after: 'm-1' });
    await panel.notify({ type: 'reply', id: more.id, result: { sessions: [session('m-2', 7, [{ id: 'p-9', name: 'Ann' }])], more: false } });
    assert.equal(await meeting.getByRole('button', { name: 'More…' }).isHidden(), true);
    await meeting.locator('vscode-dropdown').click();
    assert.equal(await panel.page.locator('vscode-option', { hasText: 'Pick one of 2…' }).count(), 1);
    await panel.page.locator('vscode-option', { hasText: 'standup · 2026-11-23 07:00' }).click();
    await eventually(() => meeting.locator('vscode-text-field input').first().inputValue(), 'm-2');

    const participant = bar.locator('.filter', { hasText: 'Participant session' });
    await participant.getByRole('button', { name: 'Recent sessions…' }).click();
    const forPeople = (await panel.postedOfType('listMeetingSessions'))[3];
    await panel.notify({ type: 'reply', id: forPeople.id, result: { sessions: [session('m-2', 7, [{ id: 'p-9', name: 'Ann' }])], more: false } });
    await participant.locator('vscode-dropdown').click();
    await panel.page.locator('vscode-option', { hasText: 'Ann — standup' }).click();
    await bar.locator('vscode-checkbox', { hasText: 'Include log lines' }).click();
    await bar.getByRole('button', { name: 'Apply' }).click();
    const [applied] = await panel.postedOfType('setFilters');
    assert.deepEqual(applied.filters, { mtgSessionId: 'm-2', userSessionId: 'p-9', includeLogs: false });
  });

  it('loads a voice call\'s events on demand, shows a failure with Retry, then the events as text', async () => {
    const panel = pages.panel;
    await panel.notify(...snapshot([voiceRow(0, false)], {}, signalwireVoiceLogsStream));
    await panel.page.locator('.grid-body [aria-rowindex="2"]').dblclick();
    assert.equal((await panel.postedOfType('listCallEvents')).length, 0, 'nothing is asked before the user does');
    const section = panel.page.locator('.call-events');
    await section.getByRole('button', { name: 'Load call events' }).click();
    const [failed] = await panel.postedOfType('listCallEvents');
    assert.equal(failed.rowId, 'v0');
    await panel.notify({ type: 'reply', id: failed.id, error: 'SignalWire answered 503: try again later.', errorKind: 'server' });
    assert.equal(await section.locator('[role=status]').textContent(), 'Could not load call events: SignalWire answered 503: try again later.');
    await section.getByRole('button', { name: 'Retry' }).click();
    const retried = (await panel.postedOfType('listCallEvents'))[1];
    const events = [
      { time: baseTime, level: 'info', name: 'call.created', details: { from: '+15550100' } },
      { time: baseTime + 4000, level: 'error', name: 'call.failed', details: { reason: '<img src=x onerror=alert(1)>' } },
    ];
    await panel.notify({ type: 'reply', id: retried.id, result: events });
    assert.equal(await section.locator('[role=status]').textContent(), '2 call events');
    const items = await section.locator('.event-list li .event-summary').allTextContents();
    assert.equal(items.length, 2);
    assert.match(items[1], /error · call\.failed$/);
    assert.equal(await section.locator('.event-list li .raw').nth(1).textContent(), '{"reason":"<img src=x onerror=alert(1)>"}');
    assert.equal(await section.locator('img').count(), 0);
    assert.deepEqual(panel.errors, []);
  });
});
