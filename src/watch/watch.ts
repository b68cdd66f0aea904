/**
 * A watch: a stream (later a saved view, issue #12) polled in the background for new errors. Plain JSON, persisted
 * in globalState; it names a connection, never a token.
 */
import { termText, withTerm } from '../protocol/query/queryText';
import type { FilterValues, LogRow, ProviderKind, StreamId } from '../protocol/streamDefinition';
import { requestFields } from '../code/loggedRequest';

export interface WatchTarget {
  /** `stream` now; a saved view adds `{ kind: 'view', viewId }` with its own filters and query. */
  readonly kind: 'stream';
  readonly accountId: string;
  readonly provider: ProviderKind;
  readonly streamId: StreamId;
  readonly filters: FilterValues;
}

export interface NewError {
  readonly id: string;
  readonly time: number;
  /** `400 invalid-request-error`, or the level and message of a non-HTTP row. */
  readonly summary: string;
}

export interface Watch {
  readonly id: string;
  readonly target: WatchTarget;
  /** `Daily · API logs — Acme`. */
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
  return `${target.kind}:${target.accountId}/${target.provider}/${target.streamId}`;
}

/** HTTP logs: a status of 400 or more; other logs: the error level. */
export function isErrorRow(streamId: StreamId, row: LogRow): boolean {
  const fields = requestFields[streamId];
  if (!fields) return row.severity === 'error';
  const status = Number(row.fields[fields.status]);
  return Number.isFinite(status) && status >= 400;
}

export function errorSummary(streamId: StreamId, row: LogRow): string {
  const fields = requestFields[streamId];
  if (!fields) return String(row.fields.message ?? row.fields.type ?? row.severity).slice(0, 80);
  const method = String(row.fields[fields.method] ?? '');
  return `${row.fields[fields.status]} ${method} ${String(row.fields[fields.path] ?? '')}`.trim().slice(0, 120);
}

/**
 * Folds a polled page (newest first) into a watch: the first poll only sets the baseline (history is not news);
 * later polls add the error rows newer than what was seen.
 */
export function applyPoll(watch: Watch, rows: readonly LogRow[]): { readonly watch: Watch; readonly added: readonly NewError[] } {
  if (rows.length === 0) return { watch, added: [] };
  const newest = Math.max(...rows.map((row) => row.time));
  const seenIds = rows.filter((row) => row.time === newest).map((row) => row.id);
  if (watch.seenUntil === undefined) return { watch: { ...watch, seenUntil: newest, seenIds }, added: [] };
  const since = watch.seenUntil;
  const fresh = rows.filter((row) => row.time > since || (row.time === since && !watch.seenIds.includes(row.id)));
  const added = fresh
    .filter((row) => isErrorRow(watch.target.streamId, row))
    .map((row) => ({ id: row.id, time: row.time, summary: errorSummary(watch.target.streamId, row) }));
  const mergedIds = newest === since ? [...new Set([...watch.seenIds, ...seenIds])] : seenIds;
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

/** The query that shows a watch's new errors in its panel: the error condition and the oldest new error's time. */
export function newErrorsQuery(watch: Watch): string {
  const errorTerm = requestFields[watch.target.streamId] ? 'status:>=400' : termText('level', 'error');
  const oldest = watch.newErrors.at(-1)?.time;
  return oldest === undefined ? errorTerm : withTerm(errorTerm, `time:>=${new Date(oldest).toISOString()}`);
}
