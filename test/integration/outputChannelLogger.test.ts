import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { createProviderConnection } from '../../src/providers/providerRegistry';
import type { ProviderKind, StreamId } from '../../src/protocol/streamDefinition';
import { startFakeServer } from '../../src/sample/fakeServers';
import { OutputChannelLogger } from '../../src/util/outputChannelLogger';
import { tokenForms } from './support/secretSearch';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** A LogOutputChannel that records what reaches it, at a level the test sets (the real one cannot be read back). */
class RecordingChannel {
  logLevel: vscode.LogLevel = vscode.LogLevel.Trace;
  readonly lines: { level: Level; text: string }[] = [];
  trace(text: string): void { this.lines.push({ level: 'trace', text }); }
  debug(text: string): void { this.lines.push({ level: 'debug', text }); }
  info(text: string): void { this.lines.push({ level: 'info', text }); }
  warn(text: string): void { this.lines.push({ level: 'warn', text }); }
  error(text: string): void { this.lines.push({ level: 'error', text }); }
  show(): void {}
  levels(): Level[] { return this.lines.map((line) => line.level); }
  text(): string { return this.lines.map((line) => line.text).join('\n'); }
}

function loggerOn(channel: RecordingChannel): OutputChannelLogger {
  return new OutputChannelLogger(channel as unknown as vscode.LogOutputChannel);
}

describe('OutputChannelLogger (the "API Logs" output channel)', () => {
  it('writes trace and debug lines only when the channel\'s level lets them through', () => {
    const cases: [vscode.LogLevel, Level[]][] = [
      [vscode.LogLevel.Trace, ['trace', 'debug', 'info']],
      [vscode.LogLevel.Debug, ['debug', 'info']],
      [vscode.LogLevel.Info, ['info']],
      [vscode.LogLevel.Off, ['info']],
    ];
    for (const [level, written] of cases) {
      const channel = new RecordingChannel();
      channel.logLevel = level;
      const logger = loggerOn(channel);
      logger.trace('t');
      logger.debug('d');
      logger.info('i');
      assert.deepEqual(channel.levels(), written, `level ${vscode.LogLevel[level]}`);
    }
  });

  it('redacts registered tokens and Authorization values at every level, in children made before the token was registered', () => {
    const channel = new RecordingChannel();
    const logger = loggerOn(channel);
    const child = logger.child('daily');
    const token = `tok-${randomUUID()}`;
    logger.addSecret(token);
    for (const target of [logger, child]) {
      target.trace(`trace ${token}`);
      target.debug(`debug Authorization: Bearer ${token}`);
      target.info(`info ${token}`);
      target.warn(`warn ${token}`);
      target.error(new Error(`error ${token}`));
    }
    assert.equal(channel.lines.length, 10);
    assert.ok(!channel.text().includes(token), channel.text());
    assert.equal(channel.lines.filter((line) => line.text.includes('[REDACTED]')).length, 10);
    assert.ok(channel.lines.slice(5).every((line) => line.text.startsWith('[daily] ')), 'child lines carry their topic');
    assert.match(channel.lines[4]!.text, /^Error: error \[REDACTED\]\n\s+at /, 'errors are written with their stack');
  });

  const streams: Readonly<Record<ProviderKind, StreamId>> = { daily: 'daily.api', lago: 'lago.api', signalwire: 'signalwire.voice' };
  for (const provider of ['daily', 'lago', 'signalwire'] as const) {
    it(`${provider}: at trace level, request, retry and failure lines hold no form of the token`, async () => {
      const server = await startFakeServer(provider, { token: `leak-${provider}-${randomUUID()}` });
      const channel = new RecordingChannel();
      const config = provider === 'signalwire'
        ? { provider, baseUrl: server.baseUrl, projectId: server.projectId ?? '', secret: server.token }
        : { provider, baseUrl: server.baseUrl, secret: server.token };
      const connection = createProviderConnection(config, { timeoutMs: 30_000, retryBaseDelayMs: 1 }, loggerOn(channel));
      try {
        const client = connection.stream(streams[provider]);
        await client.fetchPage({ filters: {}, pageSize: 5 });
        server.setFault('rateLimited', { count: 1, retryAfterSeconds: 0 });
        await client.fetchPage({ filters: {}, pageSize: 5 });
        server.setFault('unauthorized', { count: 1 });
        await assert.rejects(client.fetchPage({ filters: {}, pageSize: 5 }));
      } finally {
        connection.dispose();
        await server.close();
      }
      assert.ok(channel.levels().filter((level) => level === 'debug').length >= 4, `debug lines were written: ${channel.levels()}`);
      assert.ok(/retry 1\//.test(channel.text()), 'the retry was logged');
      const leaked = tokenForms(server.token, server.projectId).filter((form) => channel.text().includes(form));
      assert.deepEqual(leaked, [], channel.text());
    });
  }
});
