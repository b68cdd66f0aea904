/**
 * The panel states the accessibility suite checks in every theme. Add a row when a feature adds a state (a new
 * bar, a banner, an open popup): `setUp` starts from a freshly opened, empty panel and ends when the state shows.
 */
import { apiDefinition, apiRows, baseTime, init, meetingDefinition, snapshot, status } from './fixtures';
import type { PanelPage } from './harness';
import type { LogRow, Severity } from '../../src/protocol/streamDefinition';

export interface PanelState {
  readonly name: string;
  setUp(panel: PanelPage): Promise<void>;
}

const meetingSeverities: readonly Severity[] = ['error', 'warning', 'info', 'debug'];

/** Meeting-log rows with every level, so every level tone shows. */
function meetingRows(count: number): LogRow[] {
  return Array.from({ length: count }, (_, i) => {
    const severity = meetingSeverities[i % meetingSeverities.length];
    const time = baseTime - i * 1000;
    return { id: `m-${i}`, time, severity, fields: { time, level: severity, code: 4000 + i, message: `participant event ${i}` } };
  });
}

const sessions = [
  { id: 'mtg-a', room: 'standup', startTime: Date.UTC(2026, 10, 23, 9), duration: 900, participants: [{ id: 'p1', name: 'Ann' }], ongoing: false },
  { id: 'mtg-b', room: 'retro', startTime: Date.UTC(2026, 10, 22, 15), duration: 3600, participants: [], ongoing: true },
];

async function openDetail(panel: PanelPage): Promise<void> {
  await panel.notify(...snapshot(apiRows(40), { more: true }));
  await panel.page.locator('.grid-body [aria-rowindex="3"]').dblclick();
  await panel.page.locator('.detail').waitFor({ state: 'visible' });
}

/** The meeting stream's filter bar shows every control kind but text (the API stream's URL filter is text). */
async function meetingFilters(panel: PanelPage): Promise<void> {
  const filters = { mtgSessionId: 'mtg-a', methods: ['post'], startTime: baseTime, fromDate: '2026-11-20', includeMetrics: true };
  await panel.notify(init(meetingDefinition, filters), { type: 'rows', mode: 'replace', rows: meetingRows(24) }, { type: 'status', status: status({ loaded: 24 }) });
  await panel.page.getByRole('button', { name: 'Recent sessions…' }).click();
  const [request] = await panel.postedOfType('listMeetingSessions');
  await panel.notify({ type: 'reply', id: request.id, result: sessions });
  await panel.page.locator('.session-picker vscode-dropdown').waitFor({ state: 'visible' });
}

export const panelStates: readonly PanelState[] = [
  { name: 'loading the first page', setUp: (panel) => panel.notify(init(), { type: 'status', status: status({ activity: 'first' }) }) },
  { name: 'rows with every status class', setUp: (panel) => panel.notify(...snapshot(apiRows(40), { more: true, total: 90 })) },
  { name: 'details open, focus in the grid', setUp: openDetail },
  {
    name: 'details open, focus in the pane (inactive selection)',
    setUp: async (panel) => {
      await openDetail(panel);
      await panel.page.getByRole('button', { name: 'Copy JSON' }).focus();
    },
  },
  {
    name: 'error banner over rows',
    setUp: async (panel) => {
      await panel.notify(...snapshot(apiRows(20), { more: true }));
      await panel.notify({ type: 'error', error: { kind: 'auth', message: 'Daily rejected the API key (401). Update the token.', canUpdateToken: true } });
    },
  },
  {
    name: 'error banner, no rows',
    setUp: (panel) => panel.notify(init(), { type: 'status', status: status() }, { type: 'error', error: { kind: 'network', message: 'Could not reach api.daily.co.', canUpdateToken: false } }),
  },
  { name: 'empty: no rows match the filters', setUp: (panel) => panel.notify(init(apiDefinition, { url: '/v1/none' }), { type: 'rows', mode: 'replace', rows: [] }, { type: 'status', status: status() }) },
  {
    name: 'empty: the quick filter hides every row',
    setUp: async (panel) => {
      await panel.notify(...snapshot(apiRows(10)));
      await panel.page.locator('.quick-filter input').fill('nothing-matches-this');
      await panel.page.locator('.empty').waitFor({ state: 'visible' });
    },
  },
  {
    name: 'loading older rows (progress and Cancel)',
    setUp: (panel) => panel.notify(...snapshot(apiRows(20), { activity: 'older', more: true, liveTail: true, dropped: 5 })),
  },
  { name: 'meeting filters: session picker, enums, date, datetime, boolean, level tones', setUp: meetingFilters },
  {
    name: 'meeting filters: session list open',
    setUp: async (panel) => {
      await meetingFilters(panel);
      await panel.page.locator('.session-picker vscode-dropdown').click();
      await panel.page.locator('.session-picker vscode-option').first().waitFor({ state: 'visible' });
    },
  },
  {
    name: 'filter bar: a required filter missing',
    setUp: async (panel) => {
      await panel.notify(init(meetingDefinition), { type: 'rows', mode: 'replace', rows: [] }, { type: 'status', status: status() });
      await panel.page.getByRole('button', { name: 'Apply' }).click();
      await panel.page.locator('.filter-message').filter({ hasText: 'required' }).waitFor();
    },
  },
  {
    name: 'columns menu open',
    setUp: async (panel) => {
      await panel.notify(...snapshot(apiRows(10)));
      await panel.page.getByRole('button', { name: 'Columns ▾' }).click();
      await panel.page.getByRole('menu', { name: 'Columns' }).waitFor();
    },
  },
];
