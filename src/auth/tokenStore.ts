import * as vscode from 'vscode';
import type { ProviderKind } from '../protocol/streamDefinition';
import { parseSecretKey, secretKey } from './account';

/** Connection tokens in SecretStorage, the only place they are kept. */
export class TokenStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<{ accountId: string; provider: ProviderKind }>();
  /** Fires for changes made here and in other windows. */
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  /** `onTokenSeen` lets the logger scrub every token this window handles. */
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly onTokenSeen: (token: string) => void,
  ) {
    this.listener = secrets.onDidChange((event) => {
      const parsed = parseSecretKey(event.key);
      if (parsed) this.changed.fire(parsed);
    });
  }

  async get(accountId: string, provider: ProviderKind): Promise<string | undefined> {
    const token = await this.secrets.get(secretKey(accountId, provider));
    if (token) this.onTokenSeen(token);
    return token;
  }

  async set(accountId: string, provider: ProviderKind, token: string): Promise<void> {
    this.onTokenSeen(token);
    await this.secrets.store(secretKey(accountId, provider), token);
  }

  async delete(accountId: string, provider: ProviderKind): Promise<void> {
    await this.secrets.delete(secretKey(accountId, provider));
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
