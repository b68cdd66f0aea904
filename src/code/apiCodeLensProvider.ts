import * as vscode from 'vscode';
import { providerLabels } from '../auth/account';
import { resolveBaseUrl } from '../connections/connectionConfig';
import { commandIds } from '../constants';
import type { LogTablePanel } from '../panel/logTablePanel';
import type { PanelManager } from '../panel/panelManager';
import type { LogRow, StreamId } from '../protocol/streamDefinition';
import type { Services } from '../services';
import type { ProviderHints } from './endpointMentions';
import { knownResources } from './endpointMentions';
import type { EndpointStats } from './endpointStats';
import type { PathSummaries } from './endpointStats';
import { statsFromSummaries, summarizeByPath } from './endpointStats';
import type { LensRowCache } from './lensRowCache';
import { serverPathFilter } from './lensRowCache';
import type { LensModel, LensSource } from './lensModels';
import { MentionMemo, lensModels } from './lensModels';
import { hostOf, publicHosts, requestFields } from './loggedRequest';

/** The request stream each provider's lenses report on. */
const lensStreams: Readonly<Partial<Record<LensSource['provider'], StreamId>>> = { daily: 'daily.api', lago: 'lago.api' };
const noStats: EndpointStats = { calls: 0, callsToday: 0, failedToday: 0 };
/** Quiet time after the last provision before the background fetches start. */
const fetchDelayMs = 1_500;

/**
 * "Daily · 12 calls today · 3 failed · last 400 invalid-request-error 14:03" above lines naming an endpoint. Built
 * synchronously from rows already in memory (open panels, the lens cache); fetches are scheduled after the user
 * stops typing and only for files that name a connected provider.
 */
export class ApiCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly mentions = new MentionMemo();
  private readonly stats = new Map<string, EndpointStats>();
  /** Open panels' rows by path, per source; rebuilt after rows change. */
  private readonly panelSummaries = new Map<string, PathSummaries>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private pending = new Map<string, LensModel>();
  private fetchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly services: Services,
    private readonly panels: PanelManager,
    private readonly cache: LensRowCache,
  ) {
    const rowsChanged = () => this.invalidate();
    this.subscriptions.push(
      this.changed,
      services.accounts.onDidChange(() => (this.mentions.clear(), this.invalidate())),
      services.settings.onDidChange(rowsChanged),
      panels.onDidCreatePanel((panel) => {
        const events = panel.session.onEvent((event) => event.type === 'rows' || event.type === 'dropOldest' ? rowsChanged() : undefined);
        panel.onDidDispose(() => (events.dispose(), rowsChanged()));
      }),
      cache.onDidChange(rowsChanged),
    );
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.services.settings.codeLensEnabled) return [];
    const sources = this.sources();
    if (sources.length === 0) return [];
    const key = document.uri.toString();
    const mentions = this.mentions.get(key, `${document.version}`, () => document.getText(), this.hints(sources));
    const models = lensModels(mentions, sources, (source, template) => this.statsFor(source, template), Date.now());
    for (const model of models) this.pending.set(`${model.source.accountId}|${model.source.streamId}|${model.template.join('/')}`, model);
    if (models.length > 0) this.scheduleFetches();
    return models.map((model) => toCodeLens(model));
  }

  dispose(): void {
    clearTimeout(this.fetchTimer);
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  /** Every connection with a request stream, labelled with its account when a provider is connected twice. */
  sources(): LensSource[] {
    const connections = this.services.accounts.list().flatMap((account) =>
      account.connections.flatMap((connection) => {
        const streamId = lensStreams[connection.provider];
        return streamId ? [{ account, provider: connection.provider, streamId }] : [];
      }),
    );
    return connections.map(({ account, provider, streamId }) => {
      const twice = connections.filter((other) => other.provider === provider).length > 1;
      return { accountId: account.id, provider, streamId, label: twice ? `${providerLabels[provider]} (${account.name})` : providerLabels[provider] };
    });
  }

  private hints(sources: readonly LensSource[]): ProviderHints[] {
    const providers = [...new Set(sources.map((source) => source.provider))];
    return providers.map((provider) => {
      const configured = this.services.accounts
        .list()
        .flatMap((account) => account.connections.filter((connection) => connection.provider === provider))
        .map((connection) => hostOf(resolveBaseUrl(connection)) ?? '');
      return { provider, hosts: [...new Set([...publicHosts[provider], ...configured])], resources: knownResources[provider] ?? [], keyword: provider };
    });
  }

  private statsFor(source: LensSource, template: readonly string[]): EndpointStats {
    const key = `${source.accountId}|${source.streamId}|${template.join('/')}`;
    const known = this.stats.get(key);
    if (known) return known;
    const fields = requestFields[source.streamId];
    if (!fields) return noStats;
    const panels = this.panelsOf(source);
    const sourceKey = `${source.accountId}|${source.streamId}`;
    let fromPanels = this.panelSummaries.get(sourceKey);
    if (!fromPanels) {
      fromPanels = summarizeByPath(rowsOfPanels(panels), fields, Date.now());
      this.panelSummaries.set(sourceKey, fromPanels);
    }
    const cached = this.cache.rows(connectionId(source), source.streamId, template).filter((row) => !panels.some((panel) => panel.session.getRow(row.id)));
    const stats = statsFromSummaries([fromPanels, summarizeByPath(cached, fields, Date.now())], fields, template);
    this.stats.set(key, stats);
    return stats;
  }

  private panelsOf(source: LensSource): LogTablePanel[] {
    return this.panels.all().filter((panel) => panel.identity.accountId === source.accountId && panel.identity.streamId === source.streamId);
  }

  private scheduleFetches(): void {
    clearTimeout(this.fetchTimer);
    this.fetchTimer = setTimeout(() => {
      const due = [...this.pending.values()];
      this.pending = new Map();
      for (const model of due) {
        if (serverPathFilter[model.source.streamId]) this.cache.refresh(connectionId(model.source), model.source.streamId, model.template);
      }
    }, fetchDelayMs);
  }

  private invalidate(): void {
    this.stats.clear();
    this.panelSummaries.clear();
    this.changed.fire();
  }
}

export function connectionId(source: Pick<LensSource, 'accountId' | 'provider'>): string {
  return `${source.accountId}/${source.provider}`;
}

function toCodeLens(model: LensModel): vscode.CodeLens {
  const range = new vscode.Range(model.line, model.column, model.line, model.column);
  return new vscode.CodeLens(range, { title: model.title, tooltip: model.tooltip, command: commandIds.openLensStream, arguments: [model.target] });
}

/** The rows of every panel, one at a time. */
function* rowsOfPanels(panels: readonly LogTablePanel[]): Generator<LogRow> {
  for (const panel of panels) yield* panel.session.rows;
}
