import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import * as z from 'zod';
import { dailyApiLogSchema, dailyApiLogShape, dailyMeetingLogSchema, dailyMeetingLogShape } from '../../../src/providers/daily/dailySchemas';
import { fastRows, type RowShape } from '../../../src/providers/fastRows';
import { lagoApiLogSchema, lagoApiLogShape } from '../../../src/providers/lago/lagoSchemas';
import {
  signalwireVideoLogSchema,
  signalwireVideoLogShape,
  signalwireVoiceLogSchema,
  signalwireVoiceLogShape,
} from '../../../src/providers/signalwire/signalwireSchemas';
import { generateDailyApiLogs } from '../../../src/sample/dailyApiLogData';
import { generateDailyMeetingLogs, generateDailyMeetings } from '../../../src/sample/dailyMeetingData';
import { generateLagoApiLogs } from '../../../src/sample/lagoData';
import { generateVideoLogs, generateVoiceLogs } from '../../../src/sample/signalwireData';

const now = Date.parse('2026-06-01T00:00:00Z');
const plain = (rows: object[]) => JSON.parse(JSON.stringify(rows)) as Record<string, unknown>[];
const meetingLogs = generateDailyMeetings(2, 20, now).flatMap((meeting) => generateDailyMeetingLogs(meeting, 2));

/** parseDailyApiLogs checks the schema's refinement (createdAt or created_at) after the fast path. */
const hasTime = (row: Record<string, unknown>) => row.createdAt !== undefined || row.created_at !== undefined;

const streams: Record<string, { schema: z.ZodType; shape: RowShape; rows: Record<string, unknown>[]; rule?: typeof hasTime }> = {
  'daily.api': { schema: dailyApiLogSchema, shape: dailyApiLogShape, rows: plain(generateDailyApiLogs('api', 2, 300, now)), rule: hasTime },
  'daily.meeting': { schema: dailyMeetingLogSchema, shape: dailyMeetingLogShape, rows: plain(meetingLogs.slice(0, 300)) },
  'lago.api': { schema: lagoApiLogSchema, shape: lagoApiLogShape, rows: plain(generateLagoApiLogs(2, 300, now)) },
  'signalwire.video': { schema: signalwireVideoLogSchema, shape: signalwireVideoLogShape, rows: plain(generateVideoLogs(2, 300, now, 'https://x.signalwire.com')) },
  'signalwire.voice': { schema: signalwireVoiceLogSchema, shape: signalwireVoiceLogShape, rows: plain(generateVoiceLogs(2, 300, now, 'https://x.signalwire.com')) },
};

/** Values a field might wrongly (or oddly) hold. */
const oddValue = fc.oneof(
  fc.constantFrom(null, undefined, '', ' ', '200', '2xx', '12', '-1.5', '1e3', 'not a date', '2026-06-01T00:00:00.123456789Z', true, 0, 1.5, -7, 2 ** 60, 404, [], {}),
  fc.jsonValue(),
  fc.string({ maxLength: 8 }),
  fc.array(fc.record({ description: fc.option(fc.string({ maxLength: 4 })), charge: fc.oneof(fc.double(), fc.string({ maxLength: 4 })), extra: fc.nat() }), { maxLength: 2 }),
);

describe('fast row decoding matches the zod schemas', function () {
  this.timeout(60_000);
  for (const [id, { schema, shape, rows, rule = () => true }] of Object.entries(streams)) {
    const list = z.array(schema);

    it(`${id}: takes the fast path for the sample rows and decodes them exactly as zod`, () => {
      const fast = fastRows(rows, shape);
      assert.ok(fast, 'the fast path was taken');
      assert.deepEqual(fast, list.parse(rows));
    });

    it(`${id}: whenever the fast path accepts a changed row, zod accepts it and decodes it the same`, () => {
      const keys = [...Object.keys(shape), 'unknown_key'];
      fc.assert(
        fc.property(fc.nat(rows.length - 1), fc.array(fc.tuple(fc.constantFrom(...keys), oddValue), { minLength: 1, maxLength: 3 }), (index, changes) => {
          const row = { ...rows[index] };
          for (const [key, value] of changes) row[key] = value;
          const fast = fastRows<Record<string, unknown>>([row], shape)?.filter(rule);
          const judged = list.safeParse([row]);
          if (fast?.length === 1) {
            assert.ok(judged.success, `zod rejects what the fast path accepted: ${JSON.stringify(row)}`);
            assert.deepEqual(fast, judged.data);
          }
        }),
        { numRuns: 1000 },
      );
    });
  }

  it('gives up on anything but an array of objects', () => {
    for (const body of [null, undefined, 'rows', 3, {}, [null], [[]], ['x']]) {
      assert.equal(fastRows(body, lagoApiLogShape), undefined);
    }
  });
});
