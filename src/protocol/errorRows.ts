import type { LogRow, StreamDefinition } from './streamDefinition';

/**
 * What "error" means wherever rows are counted as errors. In request logs it is a request that failed, status 400 or
 * more: the 400 invalid-request-error the caller sent is the bug the user is after, and the providers' own consoles
 * count 4xx as failed requests too. Elsewhere (and for a request row without a status) it is the error level. The
 * host counts errors this way (Watch for Errors, the CodeLens's "failed"); the webview can import it for the
 * histogram's error share.
 */
export function errorRowTest(definition: Pick<StreamDefinition, 'columns'>): (row: LogRow) => boolean {
  const statusKey = definition.columns.find((column) => column.type === 'httpStatus')?.key;
  if (statusKey === undefined) return (row) => row.severity === 'error';
  return (row) => {
    const value = row.fields[statusKey];
    const status = value === null || value === undefined || value === '' ? Number.NaN : Number(value);
    return Number.isFinite(status) ? status >= 400 : row.severity === 'error';
  };
}
