import * as vscode from 'vscode';
import { AccountStore } from './auth/accountStore';
import { TokenStore } from './auth/tokenStore';
import { ConnectionRegistry } from './connections/connectionRegistry';
import { outputChannelName } from './constants';
import type { Prompter } from './ui/prompter';
import { VsCodePrompter } from './ui/prompter';
import { OutputChannelLogger } from './util/outputChannelLogger';
import { Settings } from './util/settings';
import { TimelineViewStore } from './timeline/timelineViewStore';
import { SavedViewStore } from './views/savedViewStore';
import { WorkspaceViews } from './views/workspaceViews';

/** The composition root: every long-lived service, built once in `activate` and passed to whoever needs it. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly logger: OutputChannelLogger;
  readonly settings: Settings;
  readonly accounts: AccountStore;
  readonly tokens: TokenStore;
  readonly connections: ConnectionRegistry;
  /** Views saved in this VS Code, per account. */
  readonly views: SavedViewStore;
  /** Views shared in the workspace's `.vscode/api-logs.json`. */
  readonly workspaceViews: WorkspaceViews;
  /** Timelines saved in this VS Code (issue #12). */
  readonly timelineViews: TimelineViewStore;
  /** Replaceable so integration tests can answer prompts; the VS Code UI otherwise. */
  prompter: Prompter;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const channel = vscode.window.createOutputChannel(outputChannelName, { log: true });
  const logger = new OutputChannelLogger(channel);
  const settings = new Settings();
  const accounts = new AccountStore(context.globalState);
  const tokens = new TokenStore(context.secrets, (token) => logger.addSecret(token));
  const connections = new ConnectionRegistry(accounts, tokens, settings, context.globalState, logger);
  const views = new SavedViewStore(context.globalState);
  const workspaceViews = new WorkspaceViews(logger.child('Views'));
  const timelineViews = new TimelineViewStore(context.globalState);
  context.subscriptions.push(channel, settings, accounts, tokens, connections, views, workspaceViews);
  return { context, logger, settings, accounts, tokens, connections, views, workspaceViews, timelineViews, prompter: new VsCodePrompter() };
}
