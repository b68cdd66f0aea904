import * as vscode from 'vscode';
import { settingKeys } from '../constants';
import type { TimeZoneMode } from '../protocol/logTable';

/** Typed access to the `apiLogs.*` settings; values are clamped to the bounds declared in package.json. */
export class Settings implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly listener = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(settingKeys.section)) this.changed.fire();
  });

  get pageSize(): number {
    return this.integer(settingKeys.pageSize, 100, 1, 1000);
  }

  get timeoutMs(): number {
    return this.integer(settingKeys.requestTimeoutSeconds, 30, 1, 300) * 1000;
  }

  get timeZone(): TimeZoneMode {
    return this.section().get<string>(settingKeys.timeZone) === 'utc' ? 'utc' : 'local';
  }

  get maxRows(): number {
    return this.integer(settingKeys.maxRows, 100_000, 1000, 1_000_000);
  }

  get liveTailIntervalSeconds(): number {
    return this.integer(settingKeys.liveTailIntervalSeconds, 5, 1, 300);
  }

  /** `apiLogs.codeLens.enabled`: lenses with recent calls above lines naming a provider endpoint. */
  get codeLensEnabled(): boolean {
    return this.section().get<boolean>(settingKeys.codeLensEnabled) !== false;
  }

  /** `apiLogs.watchIntervalSeconds`: how often Watch for Errors polls each watched stream. */
  get watchIntervalSeconds(): number {
    return this.integer(settingKeys.watchIntervalSeconds, 60, 15, 3600);
  }

  async setTimeZone(value: TimeZoneMode): Promise<void> {
    await this.section().update(settingKeys.timeZone, value, vscode.ConfigurationTarget.Global);
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }

  private section(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(settingKeys.section);
  }

  private integer(key: string, fallback: number, min: number, max: number): number {
    const value = this.section().get<number>(key);
    if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
    return Math.min(max, Math.max(min, Math.round(value)));
  }
}
