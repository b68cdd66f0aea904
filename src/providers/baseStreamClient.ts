import type { Page, PageRequest, StreamClient } from './connection';
import type { StreamDefinition } from '../protocol/streamDefinition';
import type { Logger } from '../util/logging';
import { iteratePages, type PageSource } from './pageIterator';
import { iteratePagesInParallel, type IndexedPageSource } from './parallelPager';
import { clampPageSize } from './rowHelpers';
import { withinRange } from './timeRangeParams';

function isIndexed(source: PageSource): source is IndexedPageSource {
  return 'cursorAfter' in source;
}

/** The same indexed source (cursors, parallel settings) with `decode` replaced, e.g. trimmed to a time range. */
function withDecode(source: IndexedPageSource, decode: PageSource['decode']): IndexedPageSource {
  return {
    parallel: source.parallel,
    load: (request) => source.load(request),
    peekNext: (body, request) => source.peekNext(body, request),
    decode,
    cursorAfter: (cursor, steps, request) => source.cursorAfter(cursor, steps, request),
    ...(source.pagesAfter ? { pagesAfter: (body: unknown, request: PageRequest) => source.pagesAfter?.(body, request) } : {}),
  };
}

/**
 * The shared part of every stream client. A client supplies the request (`load`), a cheap guess of the next
 * cursor from the raw body (`peekNext`) and the validation + mapping (`decode`); `pages()` pipelines them, and
 * fetches pages ahead in parallel when the client can compute cursors (`IndexedPageSource`).
 */
export abstract class BaseStreamClient implements StreamClient, PageSource {
  constructor(
    readonly definition: StreamDefinition,
    protected readonly logger: Logger,
  ) {}

  abstract load(request: PageRequest): Promise<unknown>;

  abstract peekNext(body: unknown, request: PageRequest): string | undefined;

  abstract decode(body: unknown, request: PageRequest): Page;

  async fetchPage(request: PageRequest): Promise<Page> {
    return withinRange(this.decode(await this.load(request), request), request.range);
  }

  pages(request: PageRequest): AsyncIterable<Page> {
    const decode = (body: unknown, pageRequest: PageRequest) => withinRange(this.decode(body, pageRequest), request.range);
    if (isIndexed(this)) return iteratePagesInParallel(withDecode(this, decode), request, this.logger);
    const ranged: PageSource = {
      load: (pageRequest) => this.load(pageRequest),
      peekNext: (body, pageRequest) => this.peekNext(body, pageRequest),
      decode,
    };
    return iteratePages(ranged, request, this.logger);
  }

  /** Rows to ask for: the requested page size within the stream's maximum, 100 when none was requested. */
  protected pageSize(request: PageRequest): number {
    return clampPageSize(request.pageSize, this.definition.maxPageSize, 100);
  }
}
