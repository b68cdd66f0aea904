import * as vscode from 'vscode';
import type { CallSitePattern } from './callSitePatterns';
import type { CallSiteMatch, RankedCallSite } from './callSiteRanking';
import { rankCallSites } from './callSiteRanking';
import type { ScannedFile } from './callSiteScanner';
import { scanFiles } from './callSiteScanner';
import type { LoggedRequest } from './loggedRequest';
import { enabledGlobs, excludeGlob, gitignoreGlobs } from './searchExcludes';

export { pickCallSite } from './callSitePicker';

/** Source files a request could be sent from; data and lock files are left out. */
export const sourceFilesGlob =
  '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts,vue,svelte,py,rb,go,java,kt,kts,scala,php,cs,fs,rs,swift,dart,ex,exs,lua,sh,bash,ps1,http,rest}';
const maxFiles = 50_000;

export interface WorkspaceSearchResult {
  /** Files searched (after excludes). */
  readonly files: number;
  readonly results: readonly RankedCallSite[];
}

/**
 * Find Call Sites' search, loaded on demand (see esbuild.mjs): the workspace's source files, found with VS Code's
 * file search (`files.exclude`, `search.exclude` and the `.gitignore` files respected) and read through
 * `workspace.fs`, scanned for the pattern; ranked results are reported as they are found.
 */
export async function searchWorkspace(
  request: LoggedRequest,
  pattern: CallSitePattern,
  token: vscode.CancellationToken,
  onResults: (ranked: readonly RankedCallSite[], files: number) => void,
): Promise<WorkspaceSearchResult> {
  const uris = await vscode.workspace.findFiles(sourceFilesGlob, await excludes(), maxFiles, token);
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
  return { files: uris.length, results: rankCallSites(found, rankContext) };
}

/** At most this many nested `.gitignore` files are read (a workspace with more is unusual; the rest are searched). */
const maxNestedGitignores = 500;

async function excludes(): Promise<string | undefined> {
  const files = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude');
  const search = vscode.workspace.getConfiguration('search').get<Record<string, unknown>>('exclude');
  const folders = vscode.workspace.workspaceFolders ?? [];
  const root = [...enabledGlobs(files), ...enabledGlobs(search), ...(await Promise.all(folders.map((folder) => readGitignore(vscode.Uri.joinPath(folder.uri, '.gitignore'), '')))).flat()];
  // Nested ones are found outside what the root already excludes (node_modules and build output keep theirs).
  const nested = (await vscode.workspace.findFiles('**/*/.gitignore', excludeGlob(root), maxNestedGitignores)).map((uri) =>
    readGitignore(uri, vscode.workspace.asRelativePath(uri, false).replace(/\/?\.gitignore$/, '')),
  );
  return excludeGlob([...root, ...(await Promise.all(nested)).flat()]);
}

async function readGitignore(uri: vscode.Uri, base: string): Promise<string[]> {
  try {
    return gitignoreGlobs(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), base);
  } catch {
    return [];
  }
}

function toScannedFile(uri: vscode.Uri): ScannedFile {
  return { path: vscode.workspace.asRelativePath(uri), read: () => Promise.resolve(vscode.workspace.fs.readFile(uri)) };
}
