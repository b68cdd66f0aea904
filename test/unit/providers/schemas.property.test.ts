import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ProviderError } from '../../../src/http/providerError';
import { parseDailyApiLogs } from '../../../src/providers/daily/dailyApiLogsClient';
import { parseDailyMeetingLogs } from '../../../src/providers/daily/dailyMeetingLogsClient';
import { parseDailyMeetings } from '../../../src/providers/daily/dailyMeetingsClient';
import { parseLagoApiLogs } from '../../../src/providers/lago/lagoApiLogsClient';
import { parseSignalwireLogs } from '../../../src/providers/signalwire/signalwireLogsClient';

const parsers: Record<string, (body: unknown) => unknown> = {
  dailyApi: parseDailyApiLogs,
  dailyMeeting: parseDailyMeetingLogs,
  dailyMeetings: parseDailyMeetings,
  lago: parseLagoApiLogs,
  signalwireVideo: (body) => parseSignalwireLogs('video', body),
  signalwireVoice: (body) => parseSignalwireLogs('voice', body),
};

const iso = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const text = fc.string({ maxLength: 20 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const dailyApiLog = fc.record({
  id: fc.uuid(), source: fc.constantFrom('api', 'webhook'), ip: text, method: fc.constantFrom('GET', 'post'),
  url: text, status: fc.oneof(fc.integer({ min: 100, max: 599 }), fc.integer({ min: 100, max: 599 }).map(String)),
  createdAt: iso, request: fc.option(fc.json()), response: fc.option(fc.json()),
});
const dailyMeetingLog = fc.record({
  time: iso, clientTime: iso, message: text, mtgSessionId: fc.uuid(), userSessionId: fc.uuid(),
  peerId: fc.option(fc.uuid()), domainName: text, level: fc.integer({ min: 0, max: 3 }), code: fc.option(fc.integer()),
});
const lagoLog = fc.record({
  request_id: fc.uuid(), logged_at: iso, created_at: iso, http_method: fc.constantFrom('post', 'put', 'delete'),
  http_status: fc.integer({ min: 100, max: 599 }), request_path: text, api_version: text, client: text,
  request_origin: text, request_body: fc.json(), request_response: maybe(fc.json()),
});
const charges = fc.array(fc.record({ description: text, charge: fc.double({ noNaN: true, noDefaultInfinity: true }) }), { maxLength: 3 });
const videoLog = fc.record({
  id: fc.uuid(), created_at: iso, source: text, type: text, url: text, room_name: text, status: text, locked: fc.boolean(),
  started_at: iso, ended_at: fc.option(iso), charge: fc.double({ noNaN: true, noDefaultInfinity: true }), charge_details: charges,
});
const voiceLog = fc.oneof(
  fc.record({
    id: fc.uuid(), created_at: iso, type: fc.constantFrom('laml_call', 'relay_pstn_call', 'dialogflow_call', 'fabric_subscriber_device_leg'),
    from: text, to: text, source: fc.constantFrom('laml', 'realtime_api'), direction: fc.constantFrom('inbound', 'outbound'),
    status: fc.option(fc.constantFrom('completed', 'failed', 'busy')), url: fc.option(text), charge: fc.double({ noNaN: true, noDefaultInfinity: true }),
    charge_details: charges, duration: fc.option(fc.integer({ min: 0 })), parent_id: fc.option(fc.uuid()),
  }),
  fc.record({ id: fc.uuid(), created_at: iso, discarded_at: iso }),
);

const validBodies: Record<string, fc.Arbitrary<unknown>> = {
  dailyApi: fc.oneof(fc.array(dailyApiLog), fc.array(dailyApiLog).map((data) => ({ total_count: data.length, data }))),
  dailyMeeting: fc.record({ logs: fc.array(dailyMeetingLog), metrics: maybe(fc.array(fc.dictionary(text, fc.jsonValue()))) }),
  dailyMeetings: fc.record({ data: fc.array(fc.record({ id: fc.uuid(), room: text, start_time: fc.integer({ min: 0, max: 4e9 }), duration: fc.nat(), ongoing: fc.boolean(), participants: fc.array(fc.record({ participant_id: fc.uuid(), user_name: fc.option(text) })) })) }),
  lago: fc.record({ api_logs: fc.array(lagoLog), meta: fc.record({ current_page: fc.nat(), next_page: fc.option(fc.nat()), total_pages: fc.nat(), total_count: fc.nat() }) }),
  signalwireVideo: fc.record({ links: fc.record({ self: text, next: maybe(text) }), data: fc.array(videoLog) }),
  signalwireVoice: fc.record({ links: fc.record({ self: text, first: text, next: maybe(text) }), data: fc.array(voiceLog) }),
};

/** Parses; returns normally or throws a ProviderError. Anything else fails the property. */
function parseOrProviderError(parse: (body: unknown) => unknown, body: unknown): 'ok' | ProviderError {
  try {
    parse(body);
    return 'ok';
  } catch (error) {
    if (error instanceof ProviderError && error.kind === 'badResponse' && error.details.fieldPath !== undefined) {
      return error;
    }
    throw error;
  }
}

/** Replaces one value somewhere in the body with a random JSON value. */
function mutate(body: unknown, path: number[], replacement: unknown): unknown {
  if (body === null || typeof body !== 'object' || path.length === 0) {
    return replacement;
  }
  const keys = Object.keys(body);
  if (keys.length === 0) {
    return replacement;
  }
  const key = keys[path[0] % keys.length];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(body) ? [...body] : { ...(body as Record<string, unknown>) };
  (copy as Record<string, unknown>)[key] = mutate((body as Record<string, unknown>)[key], path.slice(1), replacement);
  return copy;
}

describe('schemas and mappers (property tests)', function () {
  this.timeout(30_000);

  for (const [name, parse] of Object.entries(parsers)) {
    it(`${name}: any JSON value parses or fails as badResponse with a field path`, () => {
      fc.assert(fc.property(fc.jsonValue(), (body) => void parseOrProviderError(parse, body)), { numRuns: 300 });
    });

    it(`${name}: valid payloads always parse, to rows with ids and finite times`, () => {
      fc.assert(
        fc.property(validBodies[name], (body) => {
          const result = parse(body) as { rows?: { id: string; time: number }[] } | unknown[];
          const rows = Array.isArray(result) ? [] : (result.rows ?? []);
          for (const row of rows) {
            assert.equal(typeof row.id, 'string');
            assert.ok(Number.isFinite(row.time));
          }
          if (name === 'dailyMeeting') {
            assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, 'meeting log ids are unique');
          }
        }),
        { numRuns: 150 },
      );
    });

    it(`${name}: a valid payload with one value replaced never throws anything but ProviderError`, () => {
      fc.assert(
        fc.property(validBodies[name], fc.array(fc.nat(), { maxLength: 5 }), fc.jsonValue(), (body, path, value) => {
          void parseOrProviderError(parse, mutate(body, path, value));
        }),
        { numRuns: 200 },
      );
    });
  }
});
