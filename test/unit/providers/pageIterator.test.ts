import { strict as assert } from 'node:assert';
import type { Page, PageRequest } from '../../../src/providers/connection';
import { iteratePages, type PageSource } from '../../../src/providers/pageIterator';
import type { LogRow } from '../../../src/protocol/streamDefinition';
import { MemoryLogger } from './clientTestSupport';

const row = (id: string): LogRow => ({ id, time: 0, severity: 'info', fields: {} });

/** A source over scripted pages keyed by cursor ('' for the first); the body is the page itself. */
function scripted(pages: Record<string, Page> | ((cursor: string | undefined) => Page), events: string[] = []) {
  const asked: (string | undefined)[] = [];
  const signals: AbortSignal[] = [];
  const source: PageSource = {
    load: async (request: PageRequest) => {
      asked.push(request.cursor);
      signals.push(request.signal!);
      events.push(`load ${request.cursor ?? 'first'}`);
      return typeof pages === 'function' ? pages(request.cursor) : pages[request.cursor ?? ''];
    },
    peekNext: (body) => (body as Page).next,
    decode: (body, request) => {
      events.push(`decode ${request.cursor ?? 'first'}`);
      return body as Page;
    },
  };
  return { source, asked, signals };
}

async function collect(source: PageSource, logger = new MemoryLogger()) {
  const pages: Page[] = [];
  for await (const page of iteratePages(source, { filters: { a: 1 } }, logger)) {
    pages.push(page);
  }
  return pages;
}

describe('iteratePages', () => {
  it('follows cursors to the end', async () => {
    const { source, asked } = scripted({ '': { rows: [row('a')], next: 'b' }, b: { rows: [row('b')] } });
    assert.deepEqual((await collect(source)).map((p) => p.rows[0].id), ['a', 'b']);
    assert.deepEqual(asked, [undefined, 'b']);
  });

  it('requests the next page before decoding the current one', async () => {
    const events: string[] = [];
    const { source } = scripted({ '': { rows: [row('a')], next: 'b' }, b: { rows: [row('b')] } }, events);
    await collect(source);
    assert.deepEqual(events, ['load first', 'load b', 'decode first', 'decode b']);
  });

  it('lets the next request go out (its chain of promise callbacks, as in axios) before decoding the current page', async () => {
    const events: string[] = [];
    const { source } = scripted({ '': { rows: [row('a')], next: 'b' }, b: { rows: [row('b')] } }, events);
    const load = source.load;
    source.load = async (request) => {
      const body = load(request);
      for (let step = 0; step < 20; step++) await Promise.resolve();
      events.push(`sent ${request.cursor ?? 'first'}`);
      return body;
    };
    await collect(source);
    assert.deepEqual(events.filter((event) => !event.startsWith('load')), ['sent first', 'sent b', 'decode first', 'decode b']);
  });

  it('refetches when the decoded cursor differs from the guess', async () => {
    const { source, asked, signals } = scripted({ '': { rows: [row('a')], next: 'b' }, b: { rows: [row('b')] }, guess: { rows: [] } });
    source.peekNext = (body, request) => (request.cursor === undefined ? 'guess' : (body as Page).next);
    await collect(source);
    assert.deepEqual(asked, [undefined, 'guess', 'b']);
    assert.ok(signals[1].aborted, 'the wrong prefetch was cancelled');
  });

  it('skips empty pages in the middle', async () => {
    const { source } = scripted({ '': { rows: [row('a')], next: '2' }, 2: { rows: [], next: '3' }, 3: { rows: [row('c')] } });
    assert.deepEqual((await collect(source)).map((p) => p.rows[0].id), ['a', 'c']);
  });

  it('yields the final empty page when nothing else came, so the caller learns the end', async () => {
    const { source } = scripted({ '': { rows: [], next: '2' }, 2: { rows: [] } });
    assert.deepEqual(await collect(source), [{ rows: [], next: undefined }]);
  });

  it('stops on a repeated cursor, clearing next on the last yielded page', async () => {
    const logger = new MemoryLogger();
    const { source, asked } = scripted({ '': { rows: [row('a')], next: 'x' }, x: { rows: [row('b')], next: 'x' } });
    const pages = await collect(source, logger);
    assert.deepEqual(pages.map((p) => [p.rows[0].id, p.next]), [['a', 'x'], ['b', undefined]]);
    assert.deepEqual(asked, [undefined, 'x']);
    assert.match(logger.lines.join(), /repeated a cursor/);
  });

  it('drops a page that repeats an earlier page and cancels the prefetch', async () => {
    const { source, signals } = scripted({ '': { rows: [row('a')], next: '2' }, 2: { rows: [row('a')], next: '3' }, 3: { rows: [] } });
    assert.equal((await collect(source)).length, 1);
    assert.ok(signals.at(-1)!.aborted);
  });

  it('gives up after a long run of empty pages', async () => {
    let n = 0;
    const { source } = scripted(() => ({ rows: [], next: String(++n) }));
    const pages = await collect(source);
    assert.ok(n >= 20 && n <= 21, String(n));
    assert.equal(pages.length, 1);
  });

  it('a consumer that stops early cancels the request in flight', async () => {
    const { source, signals } = scripted({ '': { rows: [row('a')], next: 'b' }, b: { rows: [row('b')] } });
    for await (const page of iteratePages(source, { filters: {} }, new MemoryLogger())) {
      assert.equal(page.rows[0].id, 'a');
      break;
    }
    assert.ok(signals[1].aborted);
  });

  it('propagates load and decode errors', async () => {
    const failing: PageSource = { load: () => Promise.reject(new Error('boom')), peekNext: () => undefined, decode: (b) => b as Page };
    await assert.rejects(collect(failing), /boom/);
    const { source } = scripted({ '': { rows: [row('a')], next: 'b' }, b: { rows: [] } });
    source.decode = () => {
      throw new Error('bad shape');
    };
    await assert.rejects(collect(source), /bad shape/);
  });
});
