/**
 * A watch: a stream or a saved view polled in the background for new errors. Plain JSON, persisted in globalState;
 * it names a connection, never a token.
 */
import { errorRowTest } from '../protocol/errorRows';
import { planQuery } from '../protocol/query/plan';
import { termText, withTerm } from '../protocol/query/queryText';
import type { TimeZoneName } from '../protocol/query/times';
import type { FilterValues, LogRow, ProviderKind, StreamDefinition, StreamId } from '../protocol/streamDefinition';
import { requestFields } from '../code/loggedRequest';

interface WatchedStream {
  readonly accountId: string;
  readonly provider: ProviderKind;
  readonly streamId: StreamId;
  readonly filters: FilterValues;
}

/** A stream as a whole, or a saved view: its filters and query, as of the last poll (the view may change). */
export type WatchTarget =
  | (WatchedStream & { readonly kind: 'stream' })
  | (WatchedStream & { readonly kind: 'view'; readonly viewId: string; readonly name: string; readonly query: string });

export interface NewError {
  readonly id: string;
  readonly time: number;
  /** `400 POST /v1/rooms`, or the message of a non-HTTP row. */
  readonly summary: string;
}

export interface Watch {
  readonly id: string;
  readonly target: WatchTarget;
  /** `Daily · API logs — Acme`, or `"Failed rooms" · Daily · API logs — Acme`. */
  readonly label: string;
  /** Epoch ms of the newest row seen; only rows after it are new. Undefined until the first poll. */
  readonly seenUntil?: number;
  /** Ids of the rows at `seenUntil` (rows sharing a millisecond are not counted twice). */
  readonly seenIds: readonly string[];
  /** Errors since the user last looked, newest first (the first `maxKept`). */
  readonly newErrors: readonly NewError[];
  /** All new errors since the user last looked, including those beyond `maxKept`. */
  readonly newErrorCount: number;
}

export const maxKept = 50;

export function watchIdOf(target: WatchTarget): string {
  const stream = `${target.accountId}/${target.provider}/${target.streamId}`;
  return target.kind === 'view' ? `view:${stream}/${target.viewId}` : `stream:${stream}`;
}

export function errorSummary(streamId: StreamId, row: LogRow): string {
  const fields = requestFields[streamId];
  if (!fields) return String(row.fields.message ?? row.fields.type ?? row.severity).slice(0, 80);
  const method = String(row.fields[fields.method] ?? '');
  return `${row.fields[fields.status]} ${method} ${String(row.fields[fields.path] ?? '')}`.trim().slice(0, 120);
}

/** What one poll asks the API for: the target's filters plus what its query pushes down. */
export function pollFilters(target: WatchTarget, definition: StreamDefinition, now: number, zone: TimeZoneName): FilterValues {
  if (target.kind === 'stream') return target.filters;
  const plan = planQuery(target.query, definition, now, { zone });
  if (!plan.ok) throw new Error(`the query of "${target.name}" is invalid: ${plan.error.message}`);
  return { ...target.filters, ...plan.server };
}

/** Which polled rows the target shows: all of a stream's, the ones a view's query keeps. */
export function targetRows(target: WatchTarget, definition: StreamDefinition, now: number, zone: TimeZoneName): (row: LogRow) => boolean {
  if (target.kind === 'stream') return () => true;
  const plan = planQuery(target.query, definition, now, { zone });
  if (!plan.ok) throw new Error(`the query of "${target.name}" is invalid: ${plan.error.message}`);
  return (row) => plan.predicate(row, 0);
}

/**
 * Folds polled rows (newest first) into a watch: the first poll only sets the baseline (history is not news); later
 * polls add the error rows newer than what was seen that the target shows (`shown`). The baseline is the newest
 * polled row, shown or not, so a view that matched nothing yet still counts its first error.
 */
export function applyPoll(
  watch: Watch,
  rows: readonly LogRow[],
  definition: StreamDefinition,
  shown: (row: LogRow) => boolean = () => true,
): { readonly watch: Watch; readonly added: readonly NewError[] } {
  if (rows.length === 0) return { watch, added: [] };
  const newest = Math.max(...rows.map((row) => row.time));
  const seenIds = rows.filter((row) => row.time === newest).map((row) => row.id);
  if (watch.seenUntil === undefined) return { watch: { ...watch, seenUntil: newest, seenIds }, added: [] };
  const since = watch.seenUntil;
  const isError = errorRowTest(definition);
  const fresh = rows.filter((row) => row.time > since || (row.time === since && !watch.seenIds.includes(row.id)));
  const added = fresh.filter((row) => isError(row) && shown(row)).map((row) => ({ id: row.id, time: row.time, summary: errorSummary(watch.target.streamId, row) }));
  const mergedIds = newest === since ? [...new Set([...watch.seenIds, ...seenIds])] : newest > since ? seenIds : watch.seenIds;
  return {
    watch: {
      ...watch,
      seenUntil: Math.max(since, newest),
      seenIds: mergedIds,
      newErrors: [...added, ...watch.newErrors].slice(0, maxKept),
      newErrorCount: watch.newErrorCount + added.length,
    },
    added,
  };
}

/**
 * The query that shows a watch's new errors in its panel: a view's query, the error condition and the oldest new
 * error's time.
 */
export function newErrorsQuery(watch: Watch, definition: StreamDefinition): string {
  const errorTerm = definition.columns.some((column) => column.type === 'httpStatus') ? 'status:>=400' : termText('level', 'error');
  const oldest = watch.newErrors.at(-1)?.time;
  const base = watch.target.kind === 'view' ? withTerm(watch.target.query, errorTerm) : errorTerm;
  return oldest === undefined ? base : withTerm(base, `time:>=${new Date(oldest).toISOString()}`);
}
