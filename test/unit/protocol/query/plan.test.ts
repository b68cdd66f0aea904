import { strict as assert } from 'node:assert';
import { planQuery, type QueryPlan } from '../../../../src/protocol/query/plan';
import { printTerm } from '../../../../src/protocol/query/printer';
import type { LogRow, Severity, StreamDefinition } from '../../../../src/protocol/streamDefinition';
import { dailyApiLogsStream } from '../../../../src/providers/daily/dailyApiLogsStream';
import { dailyMeetingLogsStream } from '../../../../src/providers/daily/dailyMeetingLogsStream';
import { lagoApiLogsStream } from '../../../../src/providers/lago/lagoApiLogsStream';
import { signalwireVideoLogsStream } from '../../../../src/providers/signalwire/signalwireVideoLogsStream';
import { signalwireVoiceLogsStream } from '../../../../src/providers/signalwire/signalwireVoiceLogsStream';

const now = Date.UTC(2026, 10, 23, 12, 0);

function plan(query: string, definition: StreamDefinition = dailyApiLogsStream): QueryPlan {
  const result = planQuery(query, definition, now);
  assert.ok(result.ok, `${query}: ${result.ok ? '' : result.error.message}`);
  return result;
}

function row(fields: LogRow['fields'], severity: Severity = 'info', id = 'r1'): LogRow {
  return { id, time: now, severity, fields };
}

const api = (method: string, url: string, status: number, extra: LogRow['fields'] = {}) =>
  row({ createdAt: now - 60_000, method, url, status, ip: '10.0.0.7', ...extra }, status >= 500 ? 'error' : status >= 400 ? 'warning' : 'info');

function matches(query: string, target: LogRow, definition: StreamDefinition = dailyApiLogsStream): boolean {
  return plan(query, definition).predicate(target, 0);
}

describe('query evaluation', () => {
  const failedPost = api('POST', '/v1/rooms/abc', 404, {
    request: '{"properties":{"privacy":"private"}}',
    response: '{"error":"invalid-request-error","info":"room not found"}',
  });

  it('matches free words and phrases anywhere, ignoring case', () => {
    assert.ok(matches('NOT-FOUND OR "room not found"', failedPost));
    assert.ok(matches('ROOMS abc', failedPost));
    assert.ok(!matches('meetings', failedPost));
    assert.ok(matches('v1*abc', failedPost));
    assert.ok(!matches('abc*v1', failedPost));
  });

  it('compares fields by their kind: status numbers and classes, method without case, text exactly', () => {
    assert.ok(matches('status:404 status:4xx status:>=400 status:<500 status:400..499', failedPost));
    assert.ok(!matches('status:5xx', failedPost));
    assert.ok(matches('method:post METHOD:POST', failedPost));
    assert.ok(matches('url:/v1/rooms/* path:*/abc', failedPost));
    assert.ok(!matches('url:/v1/rooms', failedPost));
    assert.ok(!matches('url:/V1/ROOMS/*', failedPost));
    assert.ok(matches('ip:10.0.* -ip:10.1.*', failedPost));
    assert.ok(matches('level:warning -level:error', failedPost));
    assert.ok(matches('"Log ID":r1 OR id:r1 OR logid:r1', row({ id: 'r1' })));
  });

  it('reads dotted paths into JSON text and objects', () => {
    assert.ok(matches('response.error:invalid-request-error request.properties.privacy:private', failedPost));
    assert.ok(!matches('response.error:other', failedPost));
    assert.ok(matches('meta.tags:b', row({ meta: { tags: ['a', 'b'] } })));
  });

  it('compares times: relative, absolute at their precision, ranges', () => {
    assert.ok(matches('time:>-1h time:<now', failedPost));
    assert.ok(!matches('time:<-1h', failedPost));
    assert.ok(matches('time:2026-11-23 time:2026-11-23T11:59Z', failedPost));
    assert.ok(matches('time:2026-11-23T11:00Z..2026-11-23T11:59Z', failedPost));
    assert.ok(!matches('time:2026-11-22', failedPost));
    const bad = planQuery('x time:>yesterday', dailyApiLogsStream, now);
    assert.ok(!bad.ok);
    assert.deepEqual([bad.error.start, bad.error.end], [2, 17]);
    assert.match(bad.error.message, /"yesterday" is not a time/);
  });

  it('reports a comparison with a non-number on a number field at its span', () => {
    const bad = planQuery('status:>abc', dailyApiLogsStream, now);
    assert.ok(!bad.ok);
    assert.deepEqual([bad.error.start, bad.error.end], [0, 11]);
  });

  it('stops a slow regular expression within its budget instead of freezing', () => {
    const result = plan('url:/a.*a.*b/');
    const rows = Array.from({ length: 2_000 }, (_, i) => row({ url: `${i}${'a'.repeat(5_000)}` }));
    const started = performance.now();
    rows.forEach((target, index) => result.predicate(target, index));
    assert.ok(result.budgetExceeded());
    assert.ok(performance.now() - started < 3_000, `${performance.now() - started} ms`);
  });
});

function pushed(query: string, definition: StreamDefinition): { server: unknown; serverTerms: string[]; local: number } {
  const result = plan(query, definition);
  return { server: result.server, serverTerms: result.serverTerms.map(printTerm), local: result.localTerms.length };
}

describe('query push-down', () => {
  it('Lago: methods, statuses, path, version and UTC days; everything else local', () => {
    assert.deepEqual(pushed('method:POST status:4xx path:/billable_metrics* version:v1 time:2026-11-20T10:00Z..2026-11-21T00:00Z client:x', lagoApiLogsStream), {
      server: { http_methods: ['post'], http_statuses: ['failed'], request_paths: '/billable_metrics', api_version: 'v1', from_date: '2026-11-20', to_date: '2026-11-21' },
      serverTerms: ['method:POST', 'status:4xx', 'path:/billable_metrics*', 'version:v1', 'time:2026-11-20T10:00Z..2026-11-21T00:00Z'],
      local: 1,
    });
    assert.deepEqual(plan('time:2026-11-20T10:00Z..2026-11-21T00:00Z', lagoApiLogsStream).server, { from_date: '2026-11-20', to_date: '2026-11-21' });
    assert.deepEqual(plan('time:>=2026-11-20', lagoApiLogsStream).server, { from_date: '2026-11-20' });
    assert.deepEqual(plan('status:404', lagoApiLogsStream).server, { http_statuses: ['404'] });
    assert.deepEqual(plan('status:<400', lagoApiLogsStream).server, { http_statuses: ['succeeded'] });
    assert.deepEqual(plan('status:>=300', lagoApiLogsStream).server, {});
    assert.deepEqual(plan('method:get', lagoApiLogsStream).server, {});
  });

  it('pushes only top-level, positive terms, the first per filter', () => {
    assert.deepEqual(plan('-method:post (method:put OR x) method:delete method:put', lagoApiLogsStream).server, { http_methods: ['delete'] });
  });

  it('Daily API: url as a substring; method and status stay local', () => {
    assert.deepEqual(pushed('url:/v1/rooms* method:POST status:>=400', dailyApiLogsStream), {
      server: { url: '/v1/rooms' },
      serverTerms: ['url:/v1/rooms*'],
      local: 2,
    });
  });

  it('Daily meeting: error and info levels and the time window; debug stays local (the API level is narrower)', () => {
    assert.deepEqual(plan('level:error', dailyMeetingLogsStream).server, { logLevel: 'ERROR' });
    assert.deepEqual(plan('level:info', dailyMeetingLogsStream).server, { logLevel: 'INFO' });
    assert.deepEqual(plan('level:debug', dailyMeetingLogsStream).server, {});
    assert.deepEqual(plan('time:>=-1h', dailyMeetingLogsStream).server, { startTime: now - 3_600_000 });
    assert.deepEqual(plan('time:<=2026-11-23T10:00Z', dailyMeetingLogsStream).server, { endTime: Date.UTC(2026, 10, 23, 10, 1) - 1 });
  });

  it('SignalWire: created_after/before as strict bounds and include_deleted; the rest local', () => {
    for (const definition of [signalwireVideoLogsStream, signalwireVoiceLogsStream]) {
      assert.deepEqual(pushed('time:>=2026-11-23T10:00Z time:<2026-11-23T11:00Z include_deleted:true status:failed', definition), {
        server: { created_after: Date.UTC(2026, 10, 23, 10) - 1, created_before: Date.UTC(2026, 10, 23, 11), include_deleted: true },
        serverTerms: ['time:>=2026-11-23T10:00Z', 'time:<2026-11-23T11:00Z', 'include_deleted:true'],
        local: 1,
      });
    }
  });

  it('does not filter rows locally on a request option', () => {
    assert.ok(plan('include_deleted:true', signalwireVideoLogsStream).predicate(row({}), 0));
  });
});
