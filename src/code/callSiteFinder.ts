import * as vscode from 'vscode';
import type { CallSitePattern } from './callSitePatterns';
import type { RankedCallSite } from './callSiteRanking';
import { loadWorkspaceCallSites } from './loadWorkspaceCallSites';
import type { LoggedRequest } from './loggedRequest';

export interface CallSiteSearch {
  readonly pattern: CallSitePattern;
  readonly request: LoggedRequest;
  /** Files searched (after excludes). */
  readonly files: number;
  readonly results: readonly RankedCallSite[];
  readonly cancelled: boolean;
}

/**
 * Searches the workspace for a logged request's call sites (the search itself is loaded on first use) and reports
 * ranked results as they are found.
 */
export class CallSiteFinder implements vscode.Disposable {
  private readonly finished = new vscode.EventEmitter<CallSiteSearch>();
  /** Fires when a search ends (complete or cancelled); the integration tests wait on it. */
  readonly onDidFinish = this.finished.event;

  async find(
    request: LoggedRequest,
    pattern: CallSitePattern,
    token: vscode.CancellationToken,
    onResults: (ranked: readonly RankedCallSite[], files: number) => void,
  ): Promise<CallSiteSearch> {
    const { searchWorkspace } = await loadWorkspaceCallSites();
    const { files, results } = await searchWorkspace(request, pattern, token, onResults);
    const search = { pattern, request, files, results, cancelled: token.isCancellationRequested };
    this.finished.fire(search);
    return search;
  }

  dispose(): void {
    this.finished.dispose();
  }
}
