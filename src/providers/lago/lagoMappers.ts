import type { LogRow } from '../../protocol/streamDefinition';
import { bodyText, severityForHttpStatus } from '../rowHelpers';
import type { LagoApiLog } from './lagoSchemas';

export function mapLagoApiLog(log: LagoApiLog): LogRow {
  const time = log.logged_at;
  const origin = log.request_origin ?? null;
  const client = log.client ?? null;
  const version = log.api_version ?? null;
  return {
    id: log.request_id,
    time,
    severity: severityForHttpStatus(log.http_status),
    fields: {
      request_id: log.request_id,
      logged_at: time,
      created_at: log.created_at ?? null,
      http_method: log.http_method.toUpperCase(),
      request_path: log.request_path,
      http_status: log.http_status,
      client,
      api_version: version,
      request_origin: origin,
      request_body: bodyText(log.request_body),
      request_response: bodyText(log.request_response),
      request: { request_id: log.request_id, origin, client, api_version: version },
    },
  };
}
