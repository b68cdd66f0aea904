import * as vscode from 'vscode';
import { providerLabels } from '../auth/account';
import type { PanelManager } from '../panel/panelManager';
import type { LogTablePanel } from '../panel/logTablePanel';
import { streamDefinitionsFor } from '../providers/providerRegistry';
import type { FilterValues, ProviderKind, StreamId } from '../protocol/streamDefinition';
import type { TimeRange } from '../protocol/timeRange';
import type { Services } from '../services';
import { resolveAccount } from './targets';

/** A StreamNode, or a plain object with the same fields (tests, saved views). */
export interface OpenStreamTarget {
  readonly accountId: string;
  readonly provider: ProviderKind;
  readonly streamId: StreamId;
  readonly filters?: FilterValues;
  /** A query to apply (replaces an open panel's). */
  readonly query?: string;
  readonly timeRange?: TimeRange;
}

/** Opens (or reveals) a stream's table panel; from the palette, asks for the account and then the stream. */
export async function openStream(services: Services, panels: PanelManager, target?: OpenStreamTarget): Promise<LogTablePanel> {
  const chosen = target?.accountId && target.provider && target.streamId ? target : await pickStream(services);
  if (!services.accounts.connection(chosen.accountId, chosen.provider)) {
    throw new Error('That connection no longer exists.');
  }
  return panels.createOrShow({
    accountId: chosen.accountId,
    provider: chosen.provider,
    streamId: chosen.streamId,
    filters: chosen.filters ?? {},
    ...(chosen.query !== undefined ? { query: chosen.query } : {}),
    ...(chosen.timeRange ? { timeRange: chosen.timeRange } : {}),
  });
}

/** Asks for an account (when there are several), then one of its streams. */
export async function pickStream(services: Services): Promise<OpenStreamTarget> {
  const account = await resolveAccount(services);
  const items = account.connections.flatMap(({ provider }) =>
    streamDefinitionsFor(provider).map((definition) => ({
      label: definition.label,
      description: providerLabels[provider],
      target: { accountId: account.id, provider, streamId: definition.id },
    })),
  );
  if (items.length === 0) {
    throw new Error(`${account.name} has no provider connections yet. Use "API Logs: Add Provider Connection" first.`);
  }
  const picked = await services.prompter.pick('stream', items, { title: `Open a log stream of ${account.name}`, placeHolder: 'Log stream' });
  if (!picked) {
    throw new vscode.CancellationError();
  }
  return picked.target;
}
