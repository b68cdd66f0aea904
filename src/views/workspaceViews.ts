import * as vscode from 'vscode';
import type { ViewSpec } from '../protocol/savedView';
import type { OutputChannelLogger } from '../util/outputChannelLogger';
import { parseViewsText, viewsDocument } from './viewSchemas';

/** Where a team's shared views live, relative to a workspace folder. */
export const workspaceViewsPath = '.vscode/api-logs.json';

/** A view shared in a workspace folder's `.vscode/api-logs.json`: no account, so it fits every matching connection. */
export interface WorkspaceView extends ViewSpec {
  /** `workspace:<file uri>#<name>`: stable while the view keeps its name. */
  readonly id: string;
  readonly file: vscode.Uri;
}

/**
 * Reads the shared views of every workspace folder, keeps them current with a file watcher, and writes views into
 * the first folder's file. A hand-edited bad entry is skipped with one message naming the file; the rest load.
 */
export class WorkspaceViews implements vscode.Disposable {
  private views: readonly WorkspaceView[] = [];
  private reported = '';
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** Settles when the first read is done (tests and the first tree render wait on it). */
  readonly ready: Promise<void>;

  constructor(private readonly logger: OutputChannelLogger) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${workspaceViewsPath}`);
    const reload = () => void this.reload();
    this.subscriptions = [
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
      this.changed,
    ];
    this.ready = this.reload();
  }

  list(): readonly WorkspaceView[] {
    return this.views;
  }

  get(id: string): WorkspaceView | undefined {
    return this.views.find((view) => view.id === id);
  }

  /** Adds the view to the first folder's file, replacing a view of the same name there. */
  async save(spec: ViewSpec): Promise<WorkspaceView> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('Open a folder first: shared views are saved in its .vscode/api-logs.json.');
    const file = vscode.Uri.joinPath(folder.uri, workspaceViewsPath);
    await this.rewrite(file, (views) => [...views.filter((view) => view.name !== spec.name), spec]);
    return { ...spec, id: viewId(file, spec.name), file };
  }

  async remove(view: WorkspaceView): Promise<void> {
    await this.rewrite(view.file, (views) => views.filter((other) => other.name !== view.name));
  }

  async rename(view: WorkspaceView, name: string): Promise<void> {
    await this.rewrite(view.file, (views) => views.map((other) => (other.name === view.name ? { ...other, name } : other)));
  }

  async reload(): Promise<void> {
    const files = (vscode.workspace.workspaceFolders ?? []).map((folder) => vscode.Uri.joinPath(folder.uri, workspaceViewsPath));
    const results = await Promise.all(files.map((file) => this.read(file)));
    this.views = results.flatMap((result) => result.views);
    this.report(results.flatMap((result) => result.problems));
    this.changed.fire();
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }

  private async read(file: vscode.Uri): Promise<{ views: WorkspaceView[]; problems: readonly string[] }> {
    let text: string | undefined;
    try {
      text = await readText(file);
    } catch (error) {
      return { views: [], problems: [`${file.fsPath} could not be read (${error instanceof Error ? error.message : String(error)}).`] };
    }
    if (text === undefined) return { views: [], problems: [] };
    const parsed = parseViewsText(text, file.fsPath);
    return { views: parsed.views.map((spec) => ({ ...spec, id: viewId(file, spec.name), file })), problems: parsed.problems };
  }

  /** Changes the file's views; refuses to overwrite a file it cannot read, so a typo never loses the team's views. */
  private async rewrite(file: vscode.Uri, change: (views: readonly ViewSpec[]) => readonly ViewSpec[]): Promise<void> {
    const text = await readText(file);
    const parsed = text === undefined ? { views: [], problems: [] } : parseViewsText(text, file.fsPath);
    if (parsed.problems.length > 0) throw new Error(`${parsed.problems[0]} Fix the file before saving views to it.`);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(viewsDocument(change(parsed.views))));
    await this.reload();
  }

  private report(problems: readonly string[]): void {
    const text = problems.join('\n');
    if (text === this.reported) return;
    this.reported = text;
    if (problems.length === 0) return;
    problems.forEach((problem) => this.logger.warn(problem));
    const message = problems.length === 1 ? problems[0] : `${problems[0]} (and ${problems.length - 1} more problems: see the log)`;
    void vscode.window.showWarningMessage(`Shared API Logs views: ${message}`, 'Show Logs').then((choice) => {
      if (choice) this.logger.show();
    });
  }
}

function viewId(file: vscode.Uri, name: string): string {
  return `workspace:${file.toString()}#${name}`;
}

async function readText(file: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}
