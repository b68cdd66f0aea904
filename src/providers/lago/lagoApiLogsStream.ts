import type { StreamDefinition } from '../../protocol/streamDefinition';

/**
 * Lago API logs: `GET /api_logs`, paged by `page` + `per_page` with `meta.next_page`. Lago only logs POST, PUT and
 * DELETE requests, and the endpoint is plan-gated (403 `feature_unavailable`).
 */
export const lagoApiLogsStream: StreamDefinition = {
  id: 'lago.api',
  provider: 'lago',
  label: 'API logs',
  paging: 'page',
  maxPageSize: 100,
  columns: [
    { key: 'logged_at', title: 'Time', type: 'time', width: 205 },
    { key: 'http_method', title: 'Method', type: 'method', width: 80 },
    { key: 'request_path', title: 'Path', type: 'text', width: 300 },
    { key: 'http_status', title: 'Status', type: 'httpStatus', width: 70 },
    { key: 'client', title: 'Client', type: 'text', width: 160 },
    { key: 'api_version', title: 'Version', type: 'text', width: 70 },
    { key: 'request_id', title: 'Request ID', type: 'text', width: 280, hidden: true },
    { key: 'request_origin', title: 'Origin', type: 'text', width: 200, hidden: true },
    { key: 'created_at', title: 'Created', type: 'time', width: 205, hidden: true },
  ],
  filters: [
    { key: 'from_date', kind: 'date', label: 'From date', description: 'UTC day, inclusive.', serverSide: true },
    { key: 'to_date', kind: 'date', label: 'To date', description: 'UTC day, inclusive.', serverSide: true },
    {
      key: 'http_methods',
      kind: 'enum',
      label: 'Methods',
      description: 'Lago logs only POST, PUT and DELETE requests.',
      serverSide: true,
      multiple: true,
      options: [
        { value: 'post', label: 'POST' },
        { value: 'put', label: 'PUT' },
        { value: 'delete', label: 'DELETE' },
      ],
    },
    {
      key: 'http_statuses',
      kind: 'text',
      label: 'Statuses',
      description: 'Comma-separated status codes (100–599) and/or succeeded, failed.',
      placeholder: 'failed, 404',
      pattern: '^\\s*(succeeded|failed|[1-5]\\d\\d)(\\s*,\\s*(succeeded|failed|[1-5]\\d\\d))*\\s*$',
      serverSide: true,
    },
    { key: 'api_version', kind: 'text', label: 'API version', placeholder: 'v1', serverSide: true },
    {
      key: 'request_paths',
      kind: 'text',
      label: 'Request path',
      placeholder: '/billable_metrics/',
      serverSide: true,
    },
  ],
  details: [
    { title: 'Request', field: 'request', format: 'fields' },
    { title: 'Request body', field: 'request_body', format: 'json' },
    { title: 'Response', field: 'request_response', format: 'json' },
  ],
  hasHttpRequest: true,
};
