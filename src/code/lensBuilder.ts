/**
 * Everything one CodeLens provision computes, without `vscode`: the connected sources and their hints, the file's
 * endpoint mentions (remembered per document version), each endpoint's figures from the folded panel rows and the
 * lens cache (remembered until rows change), and the lens models. The provider only turns models into
 * `vscode.CodeLens`es, so the bench times this class and what it leaves out is that conversion.
 */
import type { Account } from '../auth/account';
import type { EndpointStats } from './endpointStats';
import { statsFromFolds } from './endpointStats';
import type { ProviderHints } from './endpointMentions';
import type { LensRowCache } from './lensRowCache';
import type { LensModel, LensSource } from './lensModels';
import { MentionMemo, lensModels } from './lensModels';
import { connectionId, lensHints, lensSources } from './lensSources';
import { requestFields } from './loggedRequest';
import type { PanelFolds } from './panelFolds';
import { sourceKeyOf } from './panelFolds';
import { PathFold, midnightOf } from './pathFold';

export interface LensDocument {
  /** The document's URI. */
  readonly key: string;
  readonly version: string;
  text(): string;
}

const noStats: EndpointStats = { calls: 0, callsToday: 0, failedToday: 0 };

export class LensBuilder {
  private readonly mentions = new MentionMemo();
  private readonly stats = new Map<string, EndpointStats>();
  private statsDay = 0;
  private connections: { readonly sources: LensSource[]; readonly hints: ProviderHints[] } | undefined;
  private due = new Map<string, LensModel>();

  constructor(
    private readonly folds: PanelFolds,
    private readonly cache: LensRowCache,
    private readonly accounts: () => readonly Account[],
  ) {}

  build(document: LensDocument, now: number): LensModel[] {
    const { sources, hints } = (this.connections ??= this.connectionsNow());
    if (sources.length === 0) return [];
    const mentions = this.mentions.get(document.key, document.version, () => document.text(), hints);
    if (mentions.length === 0) return [];
    if (midnightOf(now) !== this.statsDay) {
      this.stats.clear();
      this.statsDay = midnightOf(now);
    }
    const models = lensModels(mentions, sources, (source, template) => this.statsFor(source, template), now);
    for (const model of models) this.due.set(`${connectionId(model.source)}|${model.source.streamId}|${model.template.join('/')}`, model);
    return models;
  }

  /** The endpoints lenses were shown for since the last call: what the background fetches refresh. */
  takeDue(): LensModel[] {
    const due = [...this.due.values()];
    this.due = new Map();
    return due;
  }

  get sources(): readonly LensSource[] {
    return (this.connections ??= this.connectionsNow()).sources;
  }

  /** Rows changed (a panel's, the cache's): figures are recomputed on the next provision. */
  rowsChanged(): void {
    this.stats.clear();
  }

  /** Accounts or connections changed: sources, hosts, mentions and figures are all recomputed. */
  accountsChanged(): void {
    this.connections = undefined;
    this.mentions.clear();
    this.stats.clear();
  }

  private connectionsNow(): { sources: LensSource[]; hints: ProviderHints[] } {
    const accounts = this.accounts();
    const sources = lensSources(accounts);
    return { sources, hints: lensHints(accounts, sources) };
  }

  private statsFor(source: LensSource, template: readonly string[]): EndpointStats {
    const sourceKey = sourceKeyOf(source.accountId, source.streamId);
    const key = `${sourceKey}|${template.join('/')}`;
    const known = this.stats.get(key);
    if (known) return known;
    const fields = requestFields[source.streamId];
    if (!fields) return noStats;
    const panelFold = this.folds.foldOf(sourceKey);
    const folds = panelFold ? [panelFold] : [];
    const cached = this.cache.rows(connectionId(source), source.streamId, template);
    if (cached.length > 0) {
      const fold = new PathFold(fields, this.statsDay);
      fold.add(cached, (row) => this.folds.holds(sourceKey, row.id));
      folds.push(fold);
    }
    const stats = statsFromFolds(folds, template);
    this.stats.set(key, stats);
    return stats;
  }
}
