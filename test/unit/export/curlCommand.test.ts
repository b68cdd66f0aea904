import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { curlForRow, resolveRequestUrl, shellQuote } from '../../../src/export/curlCommand';
import type { LogRow } from '../../../src/protocol/streamDefinition';

function row(fields: LogRow['fields']): LogRow {
  return { id: '1', time: 0, severity: 'info', fields };
}

describe('curlCommand', () => {
  it('resolves Daily absolute paths and Lago relative paths against the base URL', () => {
    assert.equal(resolveRequestUrl('https://api.daily.co/v1', '/v1/rooms'), 'https://api.daily.co/v1/rooms');
    assert.equal(resolveRequestUrl('https://api.getlago.com/api/v1', '/billable_metrics'), 'https://api.getlago.com/api/v1/billable_metrics');
    assert.equal(resolveRequestUrl('http://127.0.0.1:4010/api/v1', '/api/v1/invoices'), 'http://127.0.0.1:4010/api/v1/invoices');
    assert.equal(resolveRequestUrl('https://api.daily.co/v1', 'https://hooks.example.com/in'), 'https://hooks.example.com/in');
  });

  it('builds a Daily request with a key placeholder and the JSON body', () => {
    const command = curlForRow('daily', 'https://api.daily.co/v1', row({ method: 'POST', url: '/v1/rooms', request: `{"name":"it's"}` }));
    assert.equal(
      command,
      `curl -X 'POST' 'https://api.daily.co/v1/rooms' -H "Authorization: Bearer $DAILY_API_KEY" -H 'Content-Type: application/json' --data-raw '{"name":"it'\\''s"}'`,
    );
  });

  it('builds a Lago request from http_method, request_path and request_body', () => {
    const command = curlForRow('lago', 'https://api.getlago.com/api/v1', row({ http_method: 'delete', request_path: '/customers/c1', request_body: null }));
    assert.equal(command, `curl -X 'DELETE' 'https://api.getlago.com/api/v1/customers/c1' -H "Authorization: Bearer $LAGO_API_KEY"`);
  });

  it('sends no Authorization header to another origin (webhook deliveries)', () => {
    const command = curlForRow('daily', 'https://api.daily.co/v1', row({ method: 'POST', url: 'https://hooks.example.com/in', request: '{}' }));
    assert.ok(command && !command.includes('Authorization'));
  });

  it('returns undefined without a method or a usable URL', () => {
    assert.equal(curlForRow('daily', 'https://api.daily.co/v1', row({ url: '/v1/rooms' })), undefined);
    assert.equal(curlForRow('daily', 'https://api.daily.co/v1', row({ method: 'GET', url: 'http://[bad' })), undefined);
  });

  it('quotes so the shell passes hostile text through literally', () => {
    const hostile = `'; rm -rf / #$(whoami)\`id\`\n"`;
    const echoed = execFileSync('/bin/sh', ['-c', `printf %s ${shellQuote(hostile)}`], { encoding: 'utf8' });
    assert.equal(echoed, hostile);
  });
});
