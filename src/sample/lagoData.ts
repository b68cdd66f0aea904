import { Random, descendingTimes, isoTime } from './random';

/** An `api_logs` entry as the spec shapes it. */
export interface LagoApiLogRecord {
  request_id: string;
  api_version: string;
  client: string;
  http_method: 'post' | 'put' | 'delete';
  http_status: number;
  logged_at: string;
  created_at: string;
  request_body: string;
  request_origin: string;
  request_path: string;
  request_response?: string;
}

/** The record built from the spec's property examples. */
export const lagoSpecExample: LagoApiLogRecord = {
  request_id: '1a901a90-1a90-1a90-1a90-1a901a901a90',
  api_version: 'v1',
  client: 'Lago Ruby v1.26.0',
  http_method: 'post',
  http_status: 200,
  logged_at: '2025-03-31T12:31:44Z',
  created_at: '2022-04-29T08:59:51Z',
  request_body: '{ "billable_metric": { "name": "Storage", "code": "storage" } }',
  request_origin: 'https://app.lago.dev/',
  request_path: '/billable_metrics',
  request_response: '{ "lago_id": "b9155544-e261-4e92-b54e-f65d7609294c", ... }',
};

const clients = ['Lago Ruby v1.26.0', 'lago-python-client 1.20.1', 'Lago Node v1.31.0', 'lago-go-client v1.18.0', 'curl/8.5.0'];
const customers = ['acme_1', 'globex_7', 'initech_3', 'umbrella_12'];

const operations: readonly { method: 'post' | 'put' | 'delete'; path: (r: Random) => string; body: (r: Random) => unknown }[] = [
  { method: 'post', path: () => '/events', body: (r) => ({ event: { transaction_id: r.uuid(), external_subscription_id: `sub_${r.pick(customers)}`, code: r.pick(['api_calls', 'storage', 'seats']), properties: { value: r.int(1, 500) } } }) },
  { method: 'post', path: () => '/events/batch', body: (r) => ({ events: [{ transaction_id: r.uuid(), code: 'api_calls' }] }) },
  { method: 'post', path: () => '/customers', body: (r) => ({ customer: { external_id: r.pick(customers), name: 'Acme Inc', currency: 'USD' } }) },
  { method: 'put', path: (r) => `/customers/${r.pick(customers)}`, body: () => ({ customer: { billing_configuration: { payment_provider: 'stripe' } } }) },
  { method: 'post', path: () => '/subscriptions', body: (r) => ({ subscription: { external_customer_id: r.pick(customers), plan_code: r.pick(['startup', 'pro', 'enterprise']) } }) },
  { method: 'delete', path: (r) => `/subscriptions/sub_${r.pick(customers)}`, body: () => ({}) },
  { method: 'post', path: () => '/billable_metrics', body: () => ({ billable_metric: { name: 'Storage', code: 'storage', aggregation_type: 'sum_agg' } }) },
  { method: 'put', path: (r) => `/plans/${r.pick(['startup', 'pro'])}`, body: () => ({ plan: { amount_cents: 4900 } }) },
  { method: 'post', path: (r) => `/invoices/${r.uuid()}/refresh`, body: () => ({}) },
  { method: 'post', path: () => '/wallets', body: (r) => ({ wallet: { external_customer_id: r.pick(customers), rate_amount: '1.0' } }) },
];

const failures: readonly (readonly [number, object, number])[] = [
  [400, { status: 400, error: 'Bad request', code: 'bad_request' }, 2],
  [404, { status: 404, error: 'Not Found', code: 'customer_not_found' }, 3],
  [422, { status: 422, error: 'Unprocessable Entity', code: 'validation_errors', error_details: { code: ['value_already_exist'] } }, 5],
  [500, { status: 500, error: 'Internal Server Error' }, 1],
];

function record(random: Random, time: number): LagoApiLogRecord {
  const operation = random.pick(operations);
  const failure = random.chance(0.1) ? random.weighted(failures.map((f) => [f, f[2]] as const)) : undefined;
  const status = failure?.[0] ?? (operation.method === 'post' ? random.weighted([[200, 3], [201, 1]] as const) : 200);
  return {
    request_id: random.uuid(),
    api_version: random.weighted([['v1', 19], ['v2', 1]] as const),
    client: random.pick(clients),
    http_method: operation.method,
    http_status: status,
    logged_at: isoTime(time).replace('.000Z', 'Z'),
    created_at: isoTime(time + random.int(5, 900)).replace(/\.\d{3}Z$/, 'Z'),
    request_body: JSON.stringify(operation.body(random)),
    request_origin: random.pick(['https://app.getlago.com/', 'https://billing.example.com/']),
    request_path: operation.path(random),
    request_response: JSON.stringify(failure?.[1] ?? { lago_id: random.uuid() }),
  };
}

/** `count` entries over the last `days`, newest first, ending with the spec example. */
export function generateLagoApiLogs(seed: number, count: number, now: number, days = 7): LagoApiLogRecord[] {
  const random = new Random(seed ^ 0x1a60);
  return [...descendingTimes(random, count, now, days * 86_400_000).map((time) => record(random, time)), lagoSpecExample];
}
