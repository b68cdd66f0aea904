import type { StreamDefinition } from '../../protocol/streamDefinition';
import { statusClassLocalFilter } from '../httpFilters';
import { dailyRequestLogColumns, dailyRequestLogDetails } from './dailyApiLogsStream';

/** Daily webhook deliveries: `GET /logs/api?source=webhook`; `url` is the webhook server's URL. */
export const dailyWebhookLogsStream: StreamDefinition = {
  id: 'daily.webhook',
  provider: 'daily',
  label: 'Webhook logs',
  paging: 'cursor',
  maxPageSize: 100,
  columns: dailyRequestLogColumns
    .filter((column) => column.key !== 'source')
    .map((column) => (column.key === 'ip' ? { ...column, hidden: true } : column)),
  filters: [
    {
      key: 'url',
      kind: 'text',
      label: 'Webhook URL',
      description: 'The webhook server URL the event was delivered to.',
      placeholder: 'https://example.com/webhooks/daily',
      serverSide: true,
    },
    statusClassLocalFilter,
  ],
  details: dailyRequestLogDetails,
  hasHttpRequest: true,
};
