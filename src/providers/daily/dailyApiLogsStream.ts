import type { ColumnDef, DetailSection, StreamDefinition } from '../../protocol/streamDefinition';
import { httpMethodLocalFilter, statusClassLocalFilter } from '../httpFilters';

/** Columns shared by Daily's API and webhook logs (same endpoint, different `source`). */
export const dailyRequestLogColumns: readonly ColumnDef[] = [
  { key: 'createdAt', title: 'Time', type: 'time', width: 205 },
  { key: 'method', title: 'Method', type: 'method', width: 80 },
  { key: 'url', title: 'URL', type: 'text', width: 340 },
  { key: 'status', title: 'Status', type: 'httpStatus', width: 70 },
  { key: 'ip', title: 'IP', type: 'text', width: 130 },
  { key: 'id', title: 'Log ID', type: 'text', width: 280, hidden: true },
  { key: 'source', title: 'Source', type: 'text', width: 80, hidden: true },
  { key: 'domainId', title: 'Domain ID', type: 'text', width: 280, hidden: true },
  { key: 'userId', title: 'User ID', type: 'text', width: 280, hidden: true },
];

export const dailyRequestLogDetails: readonly DetailSection[] = [
  { title: 'Request', field: 'request', format: 'json' },
  { title: 'Response', field: 'response', format: 'json' },
];

/** Daily REST API call logs: `GET /logs/api?source=api`, paged by log id (`starting_after`). */
export const dailyApiLogsStream: StreamDefinition = {
  id: 'daily.api',
  provider: 'daily',
  label: 'API logs',
  paging: 'cursor',
  maxPageSize: 100,
  columns: dailyRequestLogColumns.filter((column) => column.key !== 'source'),
  filters: [
    {
      key: 'url',
      kind: 'text',
      label: 'API endpoint',
      description: 'The API route that was called, e.g. /v1/rooms.',
      placeholder: '/v1/rooms',
      serverSide: true,
    },
    httpMethodLocalFilter,
    statusClassLocalFilter,
  ],
  details: dailyRequestLogDetails,
  hasHttpRequest: true,
};
