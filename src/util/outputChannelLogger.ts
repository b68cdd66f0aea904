import * as vscode from 'vscode';
import type { Logger } from './logging';
import { redact } from './redact';

/**
 * The Logger behind the "API Logs" output channel. Every line passes `redact`, with the tokens this window has
 * handled registered through `addSecret`, so a token cannot reach the log even if a caller forgets to scrub it.
 */
export class OutputChannelLogger implements Logger {
  constructor(
    private readonly channel: vscode.LogOutputChannel,
    private readonly secrets: Set<string> = new Set(),
    private readonly topic?: string,
  ) {}

  addSecret(secret: string): void {
    this.secrets.add(secret);
  }

  trace(message: string): void {
    if (this.enabled(vscode.LogLevel.Trace)) this.channel.trace(this.format(message));
  }

  /** Every request logs a debug line; skip the redaction work when the channel would drop it anyway. */
  debug(message: string): void {
    if (this.enabled(vscode.LogLevel.Debug)) this.channel.debug(this.format(message));
  }

  info(message: string): void {
    this.channel.info(this.format(message));
  }

  warn(message: string): void {
    this.channel.warn(this.format(message));
  }

  error(message: string | Error): void {
    const text = message instanceof Error ? (message.stack ?? `${message.name}: ${message.message}`) : message;
    this.channel.error(this.format(text));
  }

  child(topic: string): OutputChannelLogger {
    return new OutputChannelLogger(this.channel, this.secrets, topic);
  }

  show(): void {
    this.channel.show(true);
  }

  private enabled(level: vscode.LogLevel): boolean {
    const current = this.channel.logLevel;
    return current !== vscode.LogLevel.Off && current <= level;
  }

  private format(message: string): string {
    const line = this.topic ? `[${this.topic}] ${message}` : message;
    return redact(line, this.secrets);
  }
}
