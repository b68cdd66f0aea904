import * as vscode from 'vscode';
import { commandIds } from '../constants';
import type { PanelManager } from '../panel/panelManager';
import type { StreamId } from '../protocol/streamDefinition';
import type { Services } from '../services';
import { LensBuilder } from './lensBuilder';
import type { LensRowCache } from './lensRowCache';
import { serverPathFilter } from './lensRowCache';
import type { LensModel, LensSource } from './lensModels';
import { connectionId, lensStreams } from './lensSources';
import { PanelFolds } from './panelFolds';

/** Quiet time after the last provision before the background fetches start. */
const fetchDelayMs = 1_500;

/**
 * "Daily · 12 calls today · 3 failed · last 400 invalid-request-error 14:03" above lines naming an endpoint. Built
 * synchronously from rows already in memory (the open panels' rows, folded as they arrive, and the lens cache);
 * fetches are scheduled after the user stops typing and only for files that name a connected provider.
 */
export class ApiCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  readonly folds = new PanelFolds(new Set(Object.values(lensStreams).filter((id): id is StreamId => id !== undefined)));
  private readonly builder: LensBuilder;
  private readonly subscriptions: vscode.Disposable[] = [];
  private fetchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly services: Services,
    panels: PanelManager,
    private readonly cache: LensRowCache,
  ) {
    this.builder = new LensBuilder(this.folds, cache, () => services.accounts.list());
    const rowsChanged = () => (this.builder.rowsChanged(), this.changed.fire());
    this.subscriptions.push(
      this.changed,
      services.accounts.onDidChange(() => (this.builder.accountsChanged(), this.changed.fire())),
      services.settings.onDidChange(rowsChanged),
      panels.onDidCreatePanel((panel) => {
        const folded = this.folds.attach(panel);
        panel.onDidDispose(() => folded.dispose());
      }),
      this.folds.onDidChange(rowsChanged),
      cache.onDidChange(rowsChanged),
    );
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.services.settings.codeLensEnabled) return [];
    const models = this.builder.build({ key: document.uri.toString(), version: `${document.version}`, text: () => document.getText() }, Date.now());
    if (models.length > 0) this.scheduleFetches();
    return models.map((model) => toCodeLens(model));
  }

  /** The connections lenses report on. */
  sources(): readonly LensSource[] {
    return this.builder.sources;
  }

  dispose(): void {
    clearTimeout(this.fetchTimer);
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  private scheduleFetches(): void {
    clearTimeout(this.fetchTimer);
    this.fetchTimer = setTimeout(() => {
      for (const model of this.builder.takeDue()) {
        if (serverPathFilter[model.source.streamId]) this.cache.refresh(connectionId(model.source), model.source.streamId, model.template);
      }
    }, fetchDelayMs);
  }
}

function toCodeLens(model: LensModel): vscode.CodeLens {
  const range = new vscode.Range(model.line, model.column, model.line, model.column);
  return new vscode.CodeLens(range, { title: model.title, tooltip: model.tooltip, command: commandIds.openLensStream, arguments: [model.target] });
}
