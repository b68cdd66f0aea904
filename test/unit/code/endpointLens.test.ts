import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import type { ProviderHints } from '../../../src/code/endpointMentions';
import { findEndpointMentions, knownResources, providersNamed } from '../../../src/code/endpointMentions';
import { endpointStats, formatClock, lensText, pathMatchesTemplate } from '../../../src/code/endpointStats';
import { lensModels, pathQuery } from '../../../src/code/lensModels';
import { requestFields } from '../../../src/code/loggedRequest';
import type { LogRow } from '../../../src/protocol/streamDefinition';

const hints: ProviderHints[] = [
  { provider: 'daily', hosts: ['api.daily.co', '127.0.0.1:4010'], resources: knownResources.daily ?? [], keyword: 'daily' },
  { provider: 'lago', hosts: ['api.getlago.com'], resources: knownResources.lago ?? [], keyword: 'lago' },
];

const dailyFile = [
  "const DAILY_API = 'https://api.daily.co/v1';",
  'export async function presence(room) {',
  '  return fetch(`${DAILY_API}/rooms/${room}/presence`);',
  '}',
  "const token = await post(DAILY_API + '/meeting-tokens', body);",
  "const other = fetch('/rooms/' + name);",
  "const unrelated = fetch('/users/' + name);",
  'path = "rooms/%s/presence" % room',
].join('\n');

const now = new Date(2026, 10, 29, 15, 0).getTime();

function dailyRow(id: string, url: string, status: number, minutesAgo: number, response = ''): LogRow {
  const time = now - minutesAgo * 60_000;
  return { id, time, severity: status >= 400 ? 'warning' : 'info', fields: { id, url, status, method: 'GET', createdAt: time, response } };
}

describe('endpoint lenses', () => {
  it('finds lines naming a provider endpoint, with ids and interpolations as wildcards', () => {
    const mentions = findEndpointMentions(dailyFile, hints).map((m) => [m.line, m.provider, m.template.join('/')]);
    assert.deepEqual(mentions, [
      [2, 'daily', 'rooms/*/presence'],
      [4, 'daily', 'meeting-tokens'],
      [5, 'daily', 'rooms/*'],
      [7, 'daily', 'rooms/*/presence'],
    ]);
  });

  it('looks at nothing in a file that names no connected provider', () => {
    assert.deepEqual(findEndpointMentions("fetch('/rooms/' + name + '/presence')", hints), []);
    assert.deepEqual(findEndpointMentions(dailyFile, [hints[1]]), []);
  });

  it('finds on each line of a file what that line alone shows, numbered by line (one search of the whole text finds the lines)', () => {
    const lineText = fc.oneof(
      fc.constantFrom(...dailyFile.split('\n'), "requests.post(f'{LAGO_URL}/api/v1/events', json=e)", 'rooms and logs, no slash', '', '\r'),
      fc.constantFrom('https://api.getlago.com/api/v1/customers/x', 'GET https://api.daily.co/v1/rooms/a/presence\r', "'rooms/' + id", 'x'.repeat(2_001) + '/rooms/a'),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.array(lineText, { maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const named = providersNamed(text, hints);
        // A line on its own, with a last line that names the providers the whole file names (and nothing else).
        const alone = lines.flatMap((line, index) =>
          findEndpointMentions(`${line}\n${named.map((hint) => hint.keyword).join(' ')}`, named).map((mention) => ({ ...mention, line: index })),
        );
        assert.deepEqual(findEndpointMentions(text, hints), alone);
      }),
      { numRuns: 500 },
    );
  });

  it('takes a Lago path with or without /api/v1 and a full URL of a configured host', () => {
    const text = "lago = Lago()\nrequests.post(f'{LAGO_URL}/api/v1/events', json=e)\nrequests.put(f'https://api.getlago.com/api/v1/customers/{cid}')";
    const mentions = findEndpointMentions(text, hints).map((m) => `${m.provider}:${m.template.join('/')}`);
    assert.deepEqual(mentions, ['lago:events', 'lago:customers/*']);
  });

  it('counts calls today, failures and the last failure of an endpoint', () => {
    const rows = [
      dailyRow('1', '/v1/rooms/standup/presence', 200, 5),
      dailyRow('2', '/v1/rooms/sales/presence', 400, 57, '{"error":"invalid-request-error","info":"x"}'),
      dailyRow('3', '/v1/rooms/standup/presence', 404, 90, '{"error":"not-found"}'),
      dailyRow('4', '/v1/rooms/standup', 500, 1),
      dailyRow('5', '/v1/rooms/standup/presence', 200, 60 * 24),
    ];
    const stats = endpointStats(rows, requestFields['daily.api']!, ['rooms', '*', 'presence'], now);
    assert.deepEqual({ ...stats, lastFailure: stats.lastFailure && { ...stats.lastFailure } }, {
      calls: 4, callsToday: 3, failedToday: 2, lastCall: rows[0].time,
      lastFailure: { status: 400, code: 'invalid-request-error', time: rows[1].time },
    });
    assert.equal(lensText('Daily', stats, (time) => formatClock(time, now)), 'Daily · 3 calls today · 2 failed · last 400 invalid-request-error 14:03');
    assert.equal(lensText('Lago', { calls: 0, callsToday: 0, failedToday: 0 }, String), 'Lago · no calls in the loaded logs');
  });

  it('dates a time before today by month and day, in local time', () => {
    const at = (day: number, hour: number, minute: number) => new Date(2026, 10, day, hour, minute).getTime();
    const now = at(29, 9, 0);
    assert.equal(formatClock(at(29, 0, 5), now), '00:05');
    assert.equal(formatClock(at(28, 23, 59), now), 'Nov 28 23:59');
    assert.equal(formatClock(new Date(2026, 0, 3, 7, 4).getTime(), now), 'Jan 3 07:04');
    assert.equal(formatClock(new Date(2025, 10, 29, 12, 0).getTime(), now), 'Nov 29 12:00', 'the same day of another year is not today');
  });

  it('matches a template segment by segment, ignoring version prefixes', () => {
    assert.ok(pathMatchesTemplate('/v1/rooms/a/presence', ['rooms', '*', 'presence']));
    assert.ok(pathMatchesTemplate('/billable_metrics', ['billable_metrics']));
    assert.ok(!pathMatchesTemplate('/v1/rooms/a', ['rooms', '*', 'presence']));
    assert.ok(!pathMatchesTemplate('/v1/rooms/a/presence/x', ['rooms', '*', 'presence']));
  });

  it('builds one lens per mention and connection, opening the stream with a path query', () => {
    const mentions = findEndpointMentions(dailyFile, hints);
    const sources = [
      { accountId: 'a', provider: 'daily' as const, streamId: 'daily.api' as const, label: 'Daily (Acme)' },
      { accountId: 'b', provider: 'daily' as const, streamId: 'daily.api' as const, label: 'Daily (Sample)' },
      { accountId: 'b', provider: 'lago' as const, streamId: 'lago.api' as const, label: 'Lago' },
    ];
    const models = lensModels(mentions, sources, () => ({ calls: 1, callsToday: 1, failedToday: 0 }), now);
    assert.equal(models.length, 8);
    assert.deepEqual(models[0].target, { accountId: 'a', provider: 'daily', streamId: 'daily.api', query: 'path:/v1/rooms/*/presence' });
    assert.equal(models[1].title, 'Daily (Sample) · 1 call today');
    assert.equal(pathQuery('lago', ['customers', '*']), 'path:/customers/*');
  });
});
