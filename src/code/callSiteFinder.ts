import * as vscode from 'vscode';
import type { CallSitePattern } from './callSitePatterns';
import type { CallSiteMatch, RankedCallSite } from './callSiteRanking';
import { rankCallSites } from './callSiteRanking';
import type { ScannedFile } from './callSiteScanner';
import { scanFiles } from './callSiteScanner';
import type { LoggedRequest } from './loggedRequest';
import { enabledGlobs, excludeGlob, gitignoreGlobs } from './searchExcludes';

/** Source files a request could be sent from; data and lock files are left out. */
export const sourceFilesGlob =
  '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,vue,svelte,py,rb,go,java,kt,kts,scala,php,cs,fs,rs,swift,dart,ex,exs,lua,sh,bash,ps1,http,rest}';
const maxFiles = 50_000;

export interface CallSiteSearch {
  readonly pattern: CallSitePattern;
  readonly request: LoggedRequest;
  /** Files searched (after excludes). */
  readonly files: number;
  readonly results: readonly RankedCallSite[];
  readonly cancelled: boolean;
}

/**
 * Searches the workspace for a logged request's call sites with VS Code's file search (`files.exclude`,
 * `search.exclude` and the root `.gitignore` respected), reading files through `workspace.fs`; reports ranked
 * results as they are found.
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
    const uris = await vscode.workspace.findFiles(sourceFilesGlob, await this.excludes(), maxFiles, token);
    const found: CallSiteMatch[] = [];
    const rankContext = { method: request.method, hosts: request.hosts, loggedPath: request.path };
    await scanFiles(uris.map(toScannedFile), pattern, {
      hosts: request.hosts,
      isCancelled: () => token.isCancellationRequested,
      onMatches: (matches) => {
        found.push(...matches);
        onResults(rankCallSites(found, rankContext), uris.length);
      },
    });
    const search = {
      pattern,
      request,
      files: uris.length,
      results: rankCallSites(found, rankContext),
      cancelled: token.isCancellationRequested,
    };
    this.finished.fire(search);
    return search;
  }

  dispose(): void {
    this.finished.dispose();
  }

  private async excludes(): Promise<string | undefined> {
    const files = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude');
    const search = vscode.workspace.getConfiguration('search').get<Record<string, unknown>>('exclude');
    const ignored = await Promise.all((vscode.workspace.workspaceFolders ?? []).map(readGitignore));
    return excludeGlob([...enabledGlobs(files), ...enabledGlobs(search), ...ignored.flat()]);
  }
}

async function readGitignore(folder: vscode.WorkspaceFolder): Promise<string[]> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.gitignore'));
    return gitignoreGlobs(new TextDecoder().decode(bytes));
  } catch {
    return [];
  }
}

function toScannedFile(uri: vscode.Uri): ScannedFile {
  return { path: vscode.workspace.asRelativePath(uri), read: () => Promise.resolve(vscode.workspace.fs.readFile(uri)) };
}

/** The file a ranked result names, resolved against the workspace folders. */
export function resultUri(result: Pick<RankedCallSite, 'file'>): vscode.Uri | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return vscode.Uri.joinPath(folders[0].uri, result.file);
  const [name, ...rest] = result.file.split('/');
  const folder = folders.find((candidate) => candidate.name === name);
  return folder ? vscode.Uri.joinPath(folder.uri, rest.join('/')) : undefined;
}
