import type { LogRow } from '../protocol/streamDefinition';
import type { LogSession } from '../query/logSession';
import { RelatedIndex } from './relatedIndex';

/** Rows read between two yields to the event loop while a first build runs (a few milliseconds each). */
const chunkRows = 2_000;

/**
 * Keeps `index` equal to the rows `session` holds, as rows of `source` under `idOf(row id)`: it mirrors the order of
 * the session's rows, so the rows a `dropOldest` drops (the last ones) are known without a search, and a new first
 * page reads only the rows it did not hold. The rows held already are indexed in chunks; the promise settles then.
 */
export async function followSession(
  index: RelatedIndex,
  session: Pick<LogSession, 'rows' | 'getRow' | 'onEvent'>,
  source: number,
  idOf: (rowId: string) => string,
): Promise<{ dispose(): void }> {
  // Ids only: the session holds its rows packed, and a copy of every row object would undo that.
  let order: string[] = Array.from(session.rows, (row) => row.id);
  const add = (rows: readonly LogRow[]) => rows.forEach((row) => index.add(source, row, idOf(row.id)));
  const ids = (rows: readonly LogRow[]) => rows.map((row) => row.id);
  const subscription = session.onEvent((event) => {
    if (event.type === 'dropOldest') order.splice(Math.max(0, order.length - event.count)).forEach((id) => index.remove(idOf(id)));
    if (event.type !== 'rows') return;
    if (event.mode === 'replace') {
      const kept = new Set(ids(event.rows));
      order.filter((id) => !kept.has(id)).forEach((id) => index.remove(idOf(id)));
      order = ids(event.rows);
    } else if (event.mode === 'append') order.push(...ids(event.rows));
    else if (event.mode === 'prepend') order = ids(event.rows).concat(order);
    else if (event.mode === 'insert') order.splice(Math.max(0, order.indexOf(event.beforeRowId)), 0, ...ids(event.rows));
    add(event.rows);
  });
  const initial = order;
  for (let start = 0; start < initial.length; start += chunkRows) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    // A row dropped while the build yielded is not indexed (its drop found nothing to remove).
    for (const id of initial.slice(start, start + chunkRows)) {
      const row = session.getRow(id);
      if (row) index.add(source, row, idOf(id));
    }
  }
  return subscription;
}

const indexes = new WeakMap<LogSession, Promise<RelatedIndex>>();

/**
 * The *Find Related* index of a stream panel's session: built on the first call (a panel where nobody asks costs
 * nothing), then kept current from the session's events, so later calls read only the rows that changed.
 */
export function sessionRelatedIndex(session: LogSession, label: () => string): Promise<RelatedIndex> {
  let index = indexes.get(session);
  if (!index) {
    const built = new RelatedIndex(label);
    indexes.set(session, (index = followSession(built, session, 0, (id) => id).then(() => built)));
  }
  return index;
}
