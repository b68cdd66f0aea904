import { strict as assert } from 'node:assert';
import { apiRows, init, meetingDefinition, snapshot, status } from './fixtures';
import { type PanelPage, eventually, usePanelPages } from './harness';

const shownCount = (panel: PanelPage) =>
  panel.page.locator('[role=grid]').getAttribute('aria-rowcount').then((n) => Number(n) - 1);

describe('webview filters: quick filter, levels, filter bar, empty states', function () {
  const pages = usePanelPages();
  let panel: PanelPage;
  beforeEach(() => {
    panel = pages.panel;
  });

  it('quick filter narrows as the query grows and widens again when it shrinks', async () => {
    await panel.notify(...snapshot(apiRows(1000)));
    const input = panel.page.locator('.quick-filter input');
    await input.pressSequentially('room-12');
    // room-12, room-120..129, room-1200.. (none, only 1000 rows): 1 + 10
    assert.equal(await shownCount(panel), 11);
    await input.pressSequentially('3');
    assert.equal(await shownCount(panel), 1);
    assert.equal(await panel.page.locator('.grid-body [aria-rowindex="2"] [aria-colindex="3"]').textContent(), '/v1/rooms/room-123');
    await input.press('Backspace');
    await input.press('Backspace');
    assert.equal(await shownCount(panel), 111, 'room-1 prefix: room-1, 10-19, 100-199');
    await input.fill('ROOM-999');
    assert.equal(await shownCount(panel), 1, 'case-insensitive');
    await input.fill('"privacy":"public"');
    assert.equal(await shownCount(panel), 1000, 'searches every field, JSON bodies included');
    assert.match((await panel.page.locator('.status-text').textContent()) ?? '', /1,000 rows loaded · 1,000 shown/);
  });

  it('level toggles hide severities and combine with the quick filter', async () => {
    await panel.notify(...snapshot(apiRows(100)));
    await panel.page.locator('.levels vscode-checkbox', { hasText: 'Info' }).click();
    assert.equal(await shownCount(panel), 60);
    await panel.page.locator('.levels vscode-checkbox', { hasText: 'Debug' }).click();
    assert.equal(await shownCount(panel), 40);
    await panel.page.locator('.quick-filter input').fill('room-3');
    // rows 3, 30-39 minus info (i%5 0,1) and debug (i%5 4): 3, 32, 33, 37, 38
    assert.equal(await shownCount(panel), 5);
    await panel.page.locator('.levels vscode-checkbox', { hasText: 'Info' }).click();
    assert.equal(await shownCount(panel), 9);
    const saved = async () => {
      const { ui } = ((await panel.state()) ?? {}) as { ui?: { severities?: string[]; quickFilter?: string } };
      return { severities: [...(ui?.severities ?? [])].sort(), quickFilter: ui?.quickFilter };
    };
    await eventually(saved, { severities: ['error', 'info', 'warning'], quickFilter: 'room-3' });
  });

  it('"/" focuses the quick filter and Escape clears it', async () => {
    await panel.notify(...snapshot(apiRows(50)));
    await panel.page.locator('.grid-body [aria-rowindex="2"]').click();
    await panel.page.keyboard.press('/');
    await panel.page.keyboard.type('room-4');
    assert.equal(await shownCount(panel), 11);
    await panel.page.keyboard.press('Escape');
    assert.equal(await shownCount(panel), 50);
    await eventually(() => panel.page.locator('.quick-filter input').inputValue(), '');
  });

  it('says when loaded rows are all hidden and clears the quick filter on request', async () => {
    await panel.notify(...snapshot(apiRows(20)));
    await panel.page.locator('.quick-filter input').fill('no-such-thing');
    const empty = panel.page.locator('.empty');
    assert.equal(await empty.locator('p').textContent(), 'No loaded rows match the quick filter “no-such-thing”.');
    await empty.getByRole('button', { name: 'Clear quick filter' }).click();
    assert.equal(await shownCount(panel), 20);
    assert.equal(await empty.isHidden(), true);
  });

  it('empty results name the active filters and "Clear filters" sends setFilters keeping required ones', async () => {
    const filters = { mtgSessionId: 'sess-1', logLevel: 'ERROR', methods: ['post', 'delete'] };
    await panel.notify(init(meetingDefinition, filters), { type: 'rows', mode: 'replace', rows: [] }, { type: 'status', status: status() });
    const text = await panel.page.locator('.empty p').textContent();
    assert.equal(text, 'No rows match Session: sess-1, Level: Error, Methods: POST, DELETE.');
    await eventually(() => panel.page.locator('.filter-enum vscode-dropdown').evaluate((e) => (e as HTMLSelectElement).value), 'ERROR');
    const checked = panel.page.locator('.multi-enum vscode-checkbox[aria-checked=true]');
    await eventually(() => checked.allTextContents(), ['POST', 'DELETE']);
    await panel.page.locator('.empty').getByRole('button', { name: 'Clear filters' }).click();
    assert.deepEqual(await panel.postedOfType('setFilters'), [{ type: 'setFilters', filters: { mtgSessionId: 'sess-1' } }]);
  });

  it('asks for the required session instead of saying "No rows." when none is chosen yet', async () => {
    await panel.notify(init(meetingDefinition, {}), { type: 'rows', mode: 'replace', rows: [] }, { type: 'status', status: status() });
    const text = await panel.page.locator('.empty p').textContent();
    assert.match(text ?? '', /^Choose a session .*above, then Apply, to see its logs\.$/);
    assert.equal(await panel.page.locator('.empty').getByRole('button').count(), 0);
  });

  it('generates the filter bar from the definition, marks local filters, and Apply sends setFilters', async () => {
    await panel.notify(init(meetingDefinition, {}), { type: 'status', status: status() });
    const bar = panel.page.locator('.filter-bar');
    assert.deepEqual(await bar.locator('.filter-label').allTextContents(), [
      'Session *',
      'Level',
      'Methods',
      'From (UTC)',
      'Since',
    ]);
    assert.equal(await bar.locator('.filter-boolean vscode-checkbox').textContent(), 'Metrics');
    assert.equal(await bar.locator('.filter', { hasText: 'Methods' }).locator('.local-marker').textContent(), 'local');
    assert.equal(await bar.locator('.local-marker').count(), 1);
    await bar.getByRole('button', { name: 'Apply' }).click();
    assert.equal(await bar.locator('.filter-message').textContent(), 'Session required.');
    assert.equal((await panel.postedOfType('setFilters')).length, 0);

    await bar.getByRole('button', { name: 'Recent sessions…' }).click();
    const [request] = await panel.postedOfType('listMeetingSessions');
    assert.equal(typeof request.id, 'number');
    const sessions = [
      { id: 'mtg-a', room: 'standup', startTime: Date.UTC(2026, 10, 23, 9), duration: 900, participants: [{ id: 'p1', name: 'Ann' }], ongoing: false },
      { id: 'mtg-b', room: 'retro', startTime: Date.UTC(2026, 10, 22, 15), duration: 3600, participants: [], ongoing: true },
    ];
    await panel.notify({ type: 'reply', id: request.id, result: { sessions, more: false } });
    await bar.locator('.session-picker vscode-dropdown').click();
    await panel.page.locator('vscode-option', { hasText: 'retro · 2026-11-22 15:00 · 60 min · 0 participants · ongoing' }).click();
    await eventually(() => bar.locator('.session-picker > vscode-text-field input').inputValue(), 'mtg-b');

    await bar.locator('.filter-enum vscode-dropdown').first().click();
    await panel.page.locator('vscode-option', { hasText: 'Error' }).click();
    await bar.locator('.multi-enum vscode-checkbox', { hasText: 'DELETE' }).click();
    await bar.locator('.multi-enum vscode-checkbox', { hasText: 'POST' }).click();
    await bar.locator('.filter-datetime input[type=datetime-local]').fill('2026-11-23T08:30');
    await bar.locator('input[type=date]').fill('2026-11-20');
    await bar.locator('vscode-checkbox', { hasText: 'Metrics' }).click();
    await bar.getByRole('button', { name: 'Apply' }).click();
    assert.deepEqual(await panel.postedOfType('setFilters'), [
      {
        type: 'setFilters',
        filters: {
          mtgSessionId: 'mtg-b',
          logLevel: 'ERROR',
          methods: ['post', 'delete'],
          startTime: Date.UTC(2026, 10, 23, 8, 30),
          fromDate: '2026-11-20',
          includeMetrics: true,
        },
      },
    ]);
  });

  it('shows a failed session request and accepts a pasted id with Enter', async () => {
    await panel.notify(init(meetingDefinition, {}), { type: 'status', status: status() });
    const bar = panel.page.locator('.filter-bar');
    await bar.getByRole('button', { name: 'Recent sessions…' }).click();
    const [request] = await panel.postedOfType('listMeetingSessions');
    await panel.notify({ type: 'reply', id: request.id, error: 'Daily rejected the API key (401).' });
    assert.equal(await bar.locator('.picker-message').textContent(), 'Could not list sessions: Daily rejected the API key (401).');
    const field = bar.locator('.session-picker > vscode-text-field input');
    await field.fill('  pasted-session  ');
    await field.press('Enter');
    assert.deepEqual(await panel.postedOfType('setFilters'), [{ type: 'setFilters', filters: { mtgSessionId: 'pasted-session' } }]);
  });

  it('accepts a required alternative filter and lists participants for a user-session picker', async () => {
    const definition = {
      ...meetingDefinition,
      filters: [
        { key: 'mtgSessionId', label: 'Session', kind: 'session' as const, serverSide: true, required: true, requiredAlternatives: ['userSessionId'] },
        { key: 'userSessionId', label: 'Participant', kind: 'session' as const, serverSide: true },
      ],
    };
    await panel.notify(init(definition, {}), { type: 'status', status: status() });
    const bar = panel.page.locator('.filter-bar');
    await bar.getByRole('button', { name: 'Apply' }).click();
    assert.equal(await bar.locator('.filter-message').textContent(), 'Session or Participant required.');
    const participant = bar.locator('.filter', { hasText: 'Participant' });
    await participant.getByRole('button', { name: 'Recent sessions…' }).click();
    const [request] = await panel.postedOfType('listMeetingSessions');
    const session = { id: 'mtg-a', room: 'standup', startTime: Date.UTC(2026, 10, 23, 9), duration: 900, participants: [{ id: 'user-7', name: 'Ann' }], ongoing: false };
    await panel.notify({ type: 'reply', id: request.id, result: { sessions: [session], more: false } });
    await participant.locator('vscode-dropdown').click();
    await panel.page.locator('vscode-option', { hasText: 'Ann — standup' }).click();
    await eventually(() => participant.locator('.session-picker > vscode-text-field input').inputValue(), 'user-7');
    await bar.getByRole('button', { name: 'Apply' }).click();
    assert.deepEqual(await panel.postedOfType('setFilters'), [{ type: 'setFilters', filters: { userSessionId: 'user-7' } }]);
  });

  it('validates text filters against their pattern before applying', async () => {
    const definition = {
      ...meetingDefinition,
      filters: [{ key: 'code', label: 'Code', kind: 'text' as const, serverSide: true, pattern: '^\\d+$' }],
    };
    await panel.notify(init(definition, {}), { type: 'status', status: status() });
    const field = panel.page.locator('.filter-bar vscode-text-field');
    await field.locator('input').fill('12a');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await panel.page.getByRole('button', { name: 'Apply' }).click();
    assert.equal((await panel.postedOfType('setFilters')).length, 0);
    await field.locator('input').fill('123');
    await panel.page.getByRole('button', { name: 'Apply' }).click();
    assert.deepEqual(await panel.postedOfType('setFilters'), [{ type: 'setFilters', filters: { code: '123' } }]);
  });
});
