import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { classifyStatus, classifyTransportError, readServerError } from '../../../src/http/errorClassifier';
import { ProviderError } from '../../../src/http/providerError';
import { retryAfterMs } from '../../../src/http/retryAfter';
import { parsePanelIdentity, parseWebviewMessage } from '../../../src/protocol/logTableSchemas';
import type { PageRequest } from '../../../src/providers/connection';
import type { PageSource } from '../../../src/providers/pageIterator';
import { createProviderConnection } from '../../../src/providers/providerRegistry';
import type { ProviderKind, ProviderStreamId, StreamDefinition } from '../../../src/protocol/streamDefinition';
import type { Logger } from '../../../src/util/logging';
import { cursorValue, filterValues, streamBodies } from './fuzzArbitraries';

/** One fuzz target; `run` checks `numRuns` generated cases and throws on the first counterexample. */
export interface FuzzTarget {
  readonly name: string;
  run(numRuns: number): void | Promise<void>;
}

export const silent: Logger = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, child: () => silent };

/** Calls `body`; a ProviderError is an accepted outcome, anything else thrown fails the property. */
export function providerErrorOnly<T>(body: () => T): T | ProviderError {
  try {
    return body();
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
}

const streamProviders: Readonly<Record<ProviderStreamId, ProviderKind>> = {
  'daily.api': 'daily', 'daily.webhook': 'daily', 'daily.meeting': 'daily', 'lago.api': 'lago', 'signalwire.video': 'signalwire', 'signalwire.voice': 'signalwire',
};

/** A stream client that never sends a request here: only its pure parts (query, peekNext, decode) are fuzzed. */
type FuzzedClient = PageSource & { readonly definition: StreamDefinition; query(request: PageRequest): unknown };

const clients = new Map<ProviderStreamId, FuzzedClient>();

function pageSource(streamId: ProviderStreamId): FuzzedClient {
  const known = clients.get(streamId);
  if (known) return known;
  const provider = streamProviders[streamId];
  const connection = provider === 'signalwire'
    ? createProviderConnection({ provider, baseUrl: 'https://fuzz.signalwire.com', projectId: 'p', secret: 'fuzz-secret' }, { timeoutMs: 1000 }, silent)
    : createProviderConnection({ provider, baseUrl: 'https://api.example.com/v1', secret: 'fuzz-secret' }, { timeoutMs: 1000 }, silent);
  const client = connection.stream(streamId) as unknown as FuzzedClient;
  clients.set(streamId, client);
  return client;
}

function checkDecoded(streamId: ProviderStreamId, body: unknown, request: PageRequest): void {
  const client = pageSource(streamId);
  const guess = providerErrorOnly(() => client.peekNext(body, request));
  assert.ok(guess === undefined || typeof guess === 'string' || guess instanceof ProviderError, 'peekNext returned a non-string');
  const page = providerErrorOnly(() => client.decode(body, request));
  if (page instanceof ProviderError) {
    // `invalid`: the cursor itself is malformed (a hostile saved state), refused before any use.
    assert.ok(page.kind === 'badResponse' || page.kind === 'invalid', page.message);
    assert.ok(page.kind === 'invalid' || page.details.fieldPath !== undefined, `no field path: ${page.message}`);
    return;
  }
  for (const row of page.rows) {
    assert.ok(typeof row.id === 'string' && row.id !== '', 'a row without an id');
    assert.ok(Number.isFinite(row.time), `row ${row.id} has time ${row.time}`);
  }
  assert.ok(page.next === undefined || (typeof page.next === 'string' && page.next !== request.cursor), `next repeats the cursor ${request.cursor}`);
}

/** Schemas + mappers + cursor guards of every stream client, fed near-valid and broken bodies. */
export const streamDecodeTargets: readonly FuzzTarget[] = (Object.keys(streamBodies) as ProviderStreamId[]).map((streamId) => ({
  name: `${streamId}: decode/peekNext of broken bodies yield valid rows or a badResponse with a field path`,
  run: (numRuns) => {
    const keys = pageSource(streamId).definition.filters.map((filter) => filter.key);
    fc.assert(
      fc.property(streamBodies[streamId], filterValues(keys), cursorValue, fc.option(fc.integer({ min: -5, max: 5000 }), { nil: undefined }), (body, filters, cursor, pageSize) => {
        checkDecoded(streamId, body, { filters, cursor, pageSize });
      }),
      { numRuns },
    );
  },
}));

/** Building a request from hostile filters, cursors and page sizes: params, or an `invalid` ProviderError. */
export const streamQueryTargets: readonly FuzzTarget[] = (Object.keys(streamBodies) as ProviderStreamId[]).map((streamId) => ({
  name: `${streamId}: query() from hostile filters builds string params or throws ProviderError`,
  run: (numRuns) => {
    const client = pageSource(streamId);
    const keys = client.definition.filters.map((filter) => filter.key);
    fc.assert(
      fc.property(filterValues(keys), cursorValue, fc.option(fc.integer(), { nil: undefined }), (filters, cursor, pageSize) => {
        const params = providerErrorOnly(() => client.query({ filters, cursor, pageSize }));
        if (params instanceof ProviderError) return;
        assert.ok(Array.isArray(params));
        for (const pair of params as unknown[][]) assert.ok(typeof pair[0] === 'string' && typeof pair[1] === 'string', `param ${String(pair[0])} is not text`);
      }),
      { numRuns },
    );
  },
}));

const header = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('0', '1', '120', '1.5', '-1', '9'.repeat(400), '1e3', 'Wed, 21 Oct 2015 07:28:00 GMT', '1700000000', 'NaN'), fc.array(fc.string(), { maxLength: 2 }), fc.integer(), fc.constant(undefined));
const headers = fc.record({ 'retry-after': header, 'x-ratelimit-reset': header, 'content-type': header }, { requiredKeys: [] });
const bodyText = fc.oneof(fc.string({ maxLength: 400 }), fc.json({ maxDepth: 3 }), fc.constantFrom('<html>x</html>', '{"errors":[{}]}', '{"error_details":{"a":[null]}}', '{"error":"x".repeat}', '{"errors":"x"}', '{"message":"' + 'm'.repeat(5000) + '"}'));

/** Error classification of any status, headers and body: a ProviderError with one short sentence. */
export const errorTargets: readonly FuzzTarget[] = [
  {
    name: 'classifyStatus: any status, headers and body give a short, finite, single-line ProviderError',
    run: (numRuns) =>
      fc.assert(
        fc.property(fc.integer({ min: 300, max: 999 }), headers, bodyText, (status, head, body) => {
          const error = classifyStatus('Fuzz', status, head as never, body);
          assert.ok(error instanceof ProviderError);
          assert.ok(error.message.length <= 400 && !/[\r\n]/.test(error.message), error.message);
          assert.ok(!/Infinity|NaN/.test(error.message), error.message);
          const wait = error.details.retryAfterMs;
          assert.ok(wait === undefined || (Number.isFinite(wait) && wait >= 0), `retryAfterMs ${wait}`);
        }),
        { numRuns },
      ),
  },
  {
    name: 'readServerError, retryAfterMs and classifyTransportError never throw',
    run: (numRuns) =>
      fc.assert(
        fc.property(bodyText, headers, fc.anything({ withNullPrototype: true, withMap: true, withBigInt: true, withDate: true }), (body, head, thrown) => {
          readServerError(body);
          const wait = retryAfterMs(head as never);
          assert.ok(wait === undefined || (Number.isFinite(wait) && wait >= 0), `retryAfterMs ${wait}`);
          assert.ok(classifyTransportError('Fuzz', thrown) instanceof ProviderError);
        }),
        { numRuns },
      ),
  },
];

const marker = 'FUZZ-CONTENT-MARKER';
const valueWithMarker = fc.oneof(fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true }), fc.constant(marker), fc.constant([marker]));
const validMessages = fc.constantFrom<Record<string, unknown>>(
  { type: 'ready' }, { type: 'setFilters', filters: { url: '/v1' } }, { type: 'loadOlder' }, { type: 'loadAll' }, { type: 'cancelLoad' }, { type: 'retry' },
  { type: 'setLiveTail', enabled: true }, { type: 'setTailPaused', paused: false }, { type: 'export', format: 'csv', rowIds: ['a'] }, { type: 'copyText', text: 't' },
  { type: 'copyRowAsJson', rowId: 'r' }, { type: 'openRowAsJson', rowId: 'r' }, { type: 'copyCurl', rowId: 'r' }, { type: 'openLink', url: 'https://example.com' },
  { type: 'updateToken' }, { type: 'setTimeZone', timeZone: 'utc' }, { type: 'listMeetingSessions', id: 1 },
);

function checkParsed(raw: unknown): void {
  const result = parseWebviewMessage(raw);
  if (result.ok) {
    assert.equal(parseWebviewMessage(result.value).ok, true, 'an accepted message does not parse again');
    return;
  }
  assert.ok(typeof result.reason === 'string' && result.reason.length <= 400, 'the reason is not a short text');
  const typeText = typeof raw === 'object' && raw !== null && typeof (raw as { type?: unknown }).type === 'string' ? (raw as { type: string }).type : '';
  if (!typeText.includes(marker)) assert.ok(!result.reason.includes(marker), `the reason echoes content: ${result.reason}`);
}

/** The webview → host validator: never throws, rejects with a short reason that never echoes content. */
export const protocolTargets: readonly FuzzTarget[] = [
  {
    name: 'parseWebviewMessage(anything) returns a result, never throws',
    run: (numRuns) => fc.assert(fc.property(valueWithMarker, (raw) => checkParsed(raw)), { numRuns }),
  },
  {
    name: 'parseWebviewMessage: valid messages with a field replaced or added are accepted or rejected cleanly',
    run: (numRuns) =>
      fc.assert(
        fc.property(validMessages, fc.constantFrom('type', 'filters', 'enabled', 'paused', 'format', 'rowIds', 'text', 'rowId', 'url', 'timeZone', 'id', 'extra', '__proto__'), valueWithMarker, (message, key, value) => {
          checkParsed({ ...message, [key]: value });
          checkParsed(Object.assign(Object.create(null) as object, message, { [key]: value }));
        }),
        { numRuns },
      ),
  },
  {
    name: 'parsePanelIdentity(anything) returns a result, never throws',
    run: (numRuns) =>
      fc.assert(
        fc.property(fc.oneof(valueWithMarker, fc.record({ accountId: valueWithMarker, provider: fc.constantFrom('daily', 'lago', 'x'), streamId: fc.constantFrom('daily.api', 'lago.api', 'signalwire.voice'), filters: valueWithMarker }, { requiredKeys: [] })), (raw) => {
          const result = parsePanelIdentity(raw);
          assert.ok(result.ok || typeof result.reason === 'string');
        }),
        { numRuns },
      ),
  },
];
