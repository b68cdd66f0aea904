import type { Page, PageCursor, PageRequest } from '../providers/connection';

/** Every page from `request.cursor` on, one request after another, until no next cursor or a repeated one. */
export function sequentialPages(fetchPage: (request: PageRequest) => Promise<Page>): (request: PageRequest) => AsyncIterable<Page> {
  return async function* (request) {
    const seen = new Set<PageCursor>();
    for (let cursor = request.cursor; cursor !== undefined && !seen.has(cursor); ) {
      seen.add(cursor);
      const page = await fetchPage({ ...request, cursor });
      yield page;
      cursor = page.next;
    }
  };
}
