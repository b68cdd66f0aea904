import fc from 'fast-check';
import type { FilterValues, ProviderStreamId } from '../../../src/protocol/streamDefinition';

/** Values a broken or hostile server could put in any field: plausible ones and nasty ones, mixed. */
export const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: fc.integer({ min: -1, max: 700 }) },
  { weight: 2, arbitrary: fc.constantFrom('GET', 'post', 'PUT', 'delete', '', 'api', 'webhook', 'inbound', 'laml_call', 'completed', '200', 'NaN', '__proto__', 'constructor', '\u202Eevil', '2024-02-30', '1e309') },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER, -0, 1e308, -1e308, 0.1, Number.MIN_VALUE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** A row: a random subset of the stream's field names (and a few foreign ones) with random values. */
function row(fields: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.dictionary(fc.constantFrom(...fields, '__proto__', 'constructor', 'extra'), fieldValue, { maxKeys: fields.length + 2 });
}

const rows = (fields: readonly string[]) => fc.array(fc.oneof({ weight: 5, arbitrary: row(fields) }, { weight: 1, arbitrary: fieldValue }), { maxLength: 6 });

const dailyApiFields = ['id', 'userId', 'domainId', 'source', 'ip', 'method', 'url', 'status', 'createdAt', 'request', 'response'];
const dailyMeetingFields = ['time', 'clientTime', 'message', 'mtgSessionId', 'userSessionId', 'peerId', 'domainName', 'level', 'code'];
const lagoFields = ['request_id', 'logged_at', 'created_at', 'http_method', 'http_status', 'request_path', 'api_version', 'client', 'request_origin', 'request_body', 'request_response'];
const videoFields = ['id', 'created_at', 'source', 'type', 'url', 'room_name', 'status', 'locked', 'started_at', 'ended_at', 'charge', 'charge_details'];
const voiceFields = ['id', 'created_at', 'type', 'from', 'to', 'source', 'direction', 'status', 'url', 'charge', 'charge_details', 'duration', 'parent_id', 'discarded_at'];

const link = fc.oneof(fc.webUrl(), fc.constantFrom('http://127.0.0.1:1/api/video/logs?page_number=1&page_token=PAx', 'javascript:alert(1)', ''), fieldValue);
const signalwireBody = (fields: readonly string[]) =>
  fc.record({ links: fc.oneof(fc.record({ self: link, next: fc.option(link, { nil: undefined }), prev: fc.option(link, { nil: undefined }) }), fieldValue), data: fc.oneof({ weight: 5, arbitrary: rows(fields) }, { weight: 1, arbitrary: fieldValue }) }, { requiredKeys: [] });

/** Response bodies near each stream's real shape, often broken somewhere. */
export const streamBodies: Readonly<Record<ProviderStreamId, fc.Arbitrary<unknown>>> = {
  'daily.api': fc.oneof(rows(dailyApiFields), fc.record({ total_count: fieldValue, data: rows(dailyApiFields) }, { requiredKeys: [] }), fieldValue),
  'daily.webhook': fc.oneof(rows(dailyApiFields), fc.record({ total_count: fieldValue, data: rows(dailyApiFields) }, { requiredKeys: [] })),
  'daily.meeting': fc.oneof(fc.record({ logs: rows(dailyMeetingFields), metrics: fc.oneof(rows(['time', 'userSessionId', 'metrics']), fieldValue) }, { requiredKeys: [] }), fieldValue),
  'lago.api': fc.oneof(
    fc.record({ api_logs: rows(lagoFields), meta: fc.oneof(fc.dictionary(fc.constantFrom('current_page', 'next_page', 'prev_page', 'total_pages', 'total_count'), fieldValue), fieldValue) }, { requiredKeys: [] }),
    fieldValue,
  ),
  'signalwire.video': signalwireBody(videoFields),
  'signalwire.voice': signalwireBody(voiceFields),
};

const filterValue = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('2024-03-15', '2024-02-30', '9999-12-31', '0000-01-01', 'succeeded', 'failed', 'post', '500', 'T', '2024-03-15T10:00'),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('post', 'GET', 'failed', '404')), { maxLength: 4 }),
);

/** Filter values for the given keys (and a few unknown ones), as a hostile webview could send them. */
export function filterValues(keys: readonly string[]): fc.Arbitrary<FilterValues> {
  return fc.dictionary(fc.constantFrom(...keys, 'unknown', '__proto__'), filterValue, { maxKeys: keys.length + 1 }) as fc.Arbitrary<FilterValues>;
}

export const cursorValue = fc.option(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('1', '2', '0', '-1', '1e3', 'http://127.0.0.1:1/x?page_token=a', 'aaaaaaaa-0000-0000-0000-000000000001')), { nil: undefined });
