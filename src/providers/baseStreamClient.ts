import type { Page, PageRequest, StreamClient } from './connection';
import type { StreamDefinition } from '../protocol/streamDefinition';
import type { Logger } from '../util/logging';
import { iteratePages, type PageSource } from './pageIterator';
import { clampPageSize } from './rowHelpers';

/**
 * The shared part of every stream client. A client supplies the request (`load`), a cheap guess of the next
 * cursor from the raw body (`peekNext`) and the validation + mapping (`decode`); `pages()` pipelines them.
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
    return this.decode(await this.load(request), request);
  }

  pages(request: PageRequest): AsyncIterable<Page> {
    return iteratePages(this, request, this.logger);
  }

  /** Rows to ask for: the requested page size within the stream's maximum, 100 when none was requested. */
  protected pageSize(request: PageRequest): number {
    return clampPageSize(request.pageSize, this.definition.maxPageSize, 100);
  }
}
