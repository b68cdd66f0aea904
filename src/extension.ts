import * as vscode from 'vscode';
import type { CodeFeatures } from './code/registerCode';
import { registerCode } from './code/registerCode';
import { registerCommand } from './commands/registerCommand';
import { registerCommands } from './commands/registerCommands';
import { removeSampleData, trySampleData } from './commands/sampleDataCommands';
import { commandIds, contextKeys, viewIds } from './constants';
import type { PanelManager } from './panel/panelManager';
import { registerPanels } from './panel/registerPanels';
import { SampleDataService } from './sampleData/sampleDataService';
import type { Services } from './services';
import type { TimelineManager } from './timeline/timelineManager';
import { createServices } from './services';
import { LogsTreeProvider } from './tree/logsTreeProvider';
import type { TreeNode } from './tree/treeNode';
import type { Prompter } from './ui/prompter';
import { VsCodePrompter } from './ui/prompter';
import type { WatchFeatures } from './watch/registerWatch';
import { registerWatch } from './watch/registerWatch';

/** What `activate` returns: used by the integration tests, stable enough for other extensions. */
export interface ApiLogsApi {
  readonly services: Services;
  readonly tree: vscode.TreeDataProvider<TreeNode>;
  /** The Accounts view in the API Logs side bar. */
  readonly view: vscode.TreeView<TreeNode>;
  readonly sampleData: SampleDataService;
  /** Open table panels. */
  readonly panels: PanelManager;
  /** Open timeline panels (issue #12). */
  readonly timelines: TimelineManager;
  /** The Timelines view's tree: the saved timelines. */
  readonly timelinesTree: vscode.TreeDataProvider<TreeNode>;
  /** Find Call Sites and the endpoint CodeLens. */
  readonly code: CodeFeatures;
  /** Watch for Errors: the watcher and its status bar item. */
  readonly watch: WatchFeatures;
  /** How long `activate` took, from its first line until it returned, in milliseconds (also in the log). */
  readonly activationMs: number;
  /** Answers prompts from a script (tests); undefined restores the VS Code UI. */
  setPrompter(prompter: Prompter | undefined): void;
}

export async function activate(context: vscode.ExtensionContext): Promise<ApiLogsApi> {
  const started = performance.now();
  const services = createServices(context);
  const tree = new LogsTreeProvider(services);
  const view = vscode.window.createTreeView(viewIds.explorer, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  const sampleData = new SampleDataService(services);
  context.subscriptions.push(tree, view, sampleData);
  registerCommands(services, tree);
  const { panels, timelines, timelinesTree } = registerPanels(services);
  const code = registerCode(services, panels);
  const watch = registerWatch(services, panels);
  registerCommand(services, commandIds.trySampleData, () => trySampleData(sampleData));
  registerCommand(services, commandIds.removeSampleData, () => removeSampleData(sampleData));

  const updateContext = () => {
    void vscode.commands.executeCommand('setContext', contextKeys.hasAccounts, services.accounts.list().length > 0);
    void vscode.commands.executeCommand('setContext', contextKeys.hasSampleData, sampleData.accountId !== undefined);
  };
  context.subscriptions.push(services.accounts.onDidChange(updateContext));
  updateContext();
  await startSampleData(services, sampleData);
  void vscode.commands.executeCommand('setContext', contextKeys.ready, true);
  const activationMs = performance.now() - started;
  services.logger.info(`Activated in ${activationMs.toFixed(1)} ms (${vscode.env.appName} ${vscode.version})`);

  return {
    services,
    tree,
    view,
    sampleData,
    panels,
    timelines,
    timelinesTree,
    code,
    watch,
    activationMs,
    setPrompter: (prompter) => {
      services.prompter = prompter ?? new VsCodePrompter();
    },
  };
}

/**
 * An existing Sample account's servers start when it is first used, not here, so activation starts no server and
 * reads no secret. `API_LOGS_SAMPLE_DATA=1` (set by `npm run demo`) adds the sample data on first activation so the
 * demo opens with logs.
 */
async function startSampleData(services: Services, sampleData: SampleDataService): Promise<void> {
  try {
    if (!sampleData.accountId && process.env.API_LOGS_SAMPLE_DATA === '1') await trySampleData(sampleData);
  } catch (error) {
    services.logger.error(error instanceof Error ? error : String(error));
  }
}
