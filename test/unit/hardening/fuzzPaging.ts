import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ProviderError } from '../../../src/http/providerError';
import type { Page, PageRequest } from '../../../src/providers/connection';
import { iteratePages, type PageSource } from '../../../src/providers/pageIterator';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import { LogSession } from '../../../src/query/logSession';
import type { FuzzTarget } from './fuzzProperties';
import { silent } from './fuzzProperties';

/** A server's answer for one cursor: a page (rows by id, a next cursor, a wrong guess) or a failure. */
interface ScriptedPage {
  readonly ids: readonly string[];
  readonly next?: string;
  readonly guess?: string;
  readonly fail?: 'provider' | 'other';
}

const cursors = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];
const scriptedPage: fc.Arbitrary<ScriptedPage> = fc.record(
  {
    ids: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { maxLength: 4 }),
    next: fc.constantFrom(...cursors),
    guess: fc.constantFrom(...cursors),
    fail: fc.constantFrom<'provider' | 'other'>('provider', 'other'),
  },
  { requiredKeys: ['ids'] },
);
/** What the fake server answers per cursor ('start' for the first page); small, so cursors and pages repeat. */
const script = fc.dictionary(fc.constantFrom('start', ...cursors), scriptedPage, { minKeys: 1 });

const toRow = (id: string): LogRow => ({ id, time: 0, severity: 'info', fields: {} });

function answer(pages: Record<string, ScriptedPage>, cursor: string | undefined): ScriptedPage {
  return pages[cursor ?? 'start'] ?? { ids: [] };
}

function fail(page: ScriptedPage): never {
  if (page.fail === 'provider') throw new ProviderError('server', 'scripted failure');
  throw new TypeError('scripted bug');
}

function scriptedSource(pages: Record<string, ScriptedPage>, loads: string[], failOnOther: boolean): PageSource {
  return {
    load: async (request: PageRequest) => {
      loads.push(request.cursor ?? 'start');
      const page = answer(pages, request.cursor);
      if (page.fail === 'provider' || (page.fail === 'other' && failOnOther)) fail(page);
      return page;
    },
    peekNext: (body) => (body as ScriptedPage).guess,
    decode: (body): Page => ({ rows: (body as ScriptedPage).ids.map(toRow), next: (body as ScriptedPage).next }),
  };
}

async function walk(pages: Record<string, ScriptedPage>): Promise<void> {
  const loads: string[] = [];
  const firstIds = new Set<string>();
  const yielded: Page[] = [];
  try {
    for await (const page of iteratePages(scriptedSource(pages, loads, false), { filters: {} }, silent)) {
      yielded.push(page);
      assert.ok(yielded.length <= cursors.length + 1, 'more pages than cursors: paging loops');
      const first = page.rows[0]?.id;
      if (first !== undefined) {
        assert.ok(!firstIds.has(first), `page starting with ${first} yielded twice`);
        firstIds.add(first);
      }
    }
  } catch (error) {
    assert.ok(error instanceof ProviderError, `iteratePages threw ${String(error)}`);
  }
  assert.ok(loads.length <= 2 * (cursors.length + 1), `${loads.length} loads for ${cursors.length + 1} cursors`);
  yielded.slice(0, -1).forEach((page) => assert.ok(page.rows.length > 0, 'an empty page in the middle was yielded'));
}

type Operation = 'refresh' | 'loadOlder' | 'loadAll' | 'loadAllThenCancel' | 'retry' | 'setFilters';
const operations = fc.array(fc.constantFrom<Operation>('refresh', 'loadOlder', 'loadAll', 'loadAllThenCancel', 'retry', 'setFilters'), { minLength: 1, maxLength: 8 });

async function apply(session: LogSession, operation: Operation): Promise<void> {
  switch (operation) {
    case 'loadAllThenCancel': {
      const loading = session.loadAll();
      session.cancel();
      return loading;
    }
    case 'setFilters':
      return session.setFilters({ q: 'x' });
    default:
      return session[operation]();
  }
}

async function drive(pages: Record<string, ScriptedPage>, maxRows: number, ops: readonly Operation[]): Promise<void> {
  const source = scriptedSource(pages, [], true);
  const fetchPage = async (request: PageRequest) => source.decode(await source.load(request), request);
  const session = new LogSession({ fetchPage, filters: {}, pageSize: 10, maxRows, tailIntervalMs: 60_000 });
  for (const operation of ops) {
    await apply(session, operation);
    const ids = Array.from(session.rows, (row) => row.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate rows after ${operation}`);
    assert.ok(ids.length <= maxRows, `${ids.length} rows held with maxRows ${maxRows}`);
    assert.equal(session.busy, false, `still busy after ${operation}`);
    assert.equal(session.status().loaded, ids.length);
    const error = session.error;
    assert.ok(error === null || (typeof error.message === 'string' && error.message !== ''), 'a banner without a sentence');
  }
  session.dispose();
}

/** Paging: iteratePages and LogSession over servers that repeat cursors and pages, send empty pages, and fail. */
export const pagingTargets: readonly FuzzTarget[] = [
  {
    name: 'iteratePages terminates, never yields a page twice or an empty page mid-walk, throws only ProviderError',
    run: (numRuns) => fc.assert(fc.asyncProperty(script, (pages) => walk(pages)), { numRuns }),
  },
  {
    name: 'LogSession: any sequence of loads, cancels and retries keeps rows unique, bounded, and never rejects',
    run: (numRuns) =>
      fc.assert(
        fc.asyncProperty(script, fc.integer({ min: 1, max: 12 }), operations, (pages, maxRows, ops) => drive(pages, maxRows, ops)),
        { numRuns },
      ),
  },
];
