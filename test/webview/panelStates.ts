/**
 * The panel states the accessibility suite checks in every theme. Add a row when a feature adds a state (a new
 * bar, a banner, an open popup): `setUp` starts from a freshly opened, empty panel and ends when the state shows.
 */
import { dailyMeetingLogsStream } from '../../src/providers/daily/dailyMeetingLogsStream';
import { signalwireVoiceLogsStream } from '../../src/providers/signalwire/signalwireVoiceLogsStream';
import type { LogRow, Severity } from '../../src/protocol/streamDefinition';
import { apiDefinition, apiRows, baseTime, init, meetingDefinition, snapshot, status } from './fixtures';
import type { PanelPage } from './harness';

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

/** Voice logs, every third one discarded (a badge, not a status). */
function voiceRows(count: number): LogRow[] {
  return Array.from({ length: count }, (_, i) => {
    const time = baseTime - i * 60_000;
    const discarded = i % 3 === 1;
    const call = { type: 'laml_call', direction: 'inbound', from: '+15550100', to: '+15550199', status: i % 4 ? 'completed' : 'failed' };
    return { id: `v${i}`, time, severity: discarded ? 'debug' : 'info', fields: { id: `v${i}`, created_at: time, discarded, ...(discarded ? {} : call) } };
  });
}

const callEvents = [
  { time: baseTime, level: 'info', name: 'call.created', details: { from: '+15550100' } },
  { time: baseTime + 2000, level: 'warning', name: 'call.retry', details: null },
  { time: baseTime + 4000, level: 'error', name: 'call.failed', details: { reason: 'busy' } },
];

/** Presses "Recent sessions…" in the picker inside `scope` and answers with `sessions` (one more page to come). */
async function listSessions(panel: PanelPage, scope: string, answered: number): Promise<void> {
  await panel.page.locator(scope).getByRole('button', { name: 'Recent sessions…' }).click();
  const request = (await panel.postedOfType('listMeetingSessions'))[answered];
  await panel.notify({ type: 'reply', id: request.id, result: { sessions, more: true } });
  await panel.page.locator(scope).locator('.session-picker vscode-dropdown').waitFor({ state: 'visible' });
}

async function openDetail(panel: PanelPage): Promise<void> {
  await panel.notify(...snapshot(apiRows(40), { more: true }));
  await panel.page.locator('.grid-body [aria-rowindex="3"]').dblclick();
  await panel.page.locator('.detail').waitFor({ state: 'visible' });
}

/** The meeting stream's filter bar shows every control kind but text (the API stream's URL filter is text). */
async function meetingFilters(panel: PanelPage): Promise<void> {
  const filters = { mtgSessionId: 'mtg-a', methods: ['post'], startTime: baseTime, fromDate: '2026-11-20', includeMetrics: true };
  await panel.notify(init(meetingDefinition, filters), { type: 'rows', mode: 'replace', rows: meetingRows(24) }, { type: 'status', status: status({ loaded: 24 }) });
  await listSessions(panel, '.filter-bar', 0);
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
    name: 'Daily meeting logs: meeting and participant pickers searching',
    setUp: async (panel) => {
      await panel.notify(init(dailyMeetingLogsStream, {}), { type: 'rows', mode: 'replace', rows: [] }, { type: 'status', status: status() });
      await listSessions(panel, '.filter:has-text("Meeting session")', 0);
      await listSessions(panel, '.filter:has-text("Participant session")', 1);
    },
  },
  {
    name: 'voice logs: discarded badges, call events in the details',
    setUp: async (panel) => {
      await panel.notify(...snapshot(voiceRows(12), { more: true }, signalwireVoiceLogsStream));
      await panel.page.locator('.grid-body [aria-rowindex="2"]').dblclick();
      await panel.page.getByRole('button', { name: 'Load call events' }).click();
      const [request] = await panel.postedOfType('listCallEvents');
      await panel.notify({ type: 'reply', id: request.id, result: callEvents });
      await panel.page.locator('.call-events li').first().waitFor();
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
