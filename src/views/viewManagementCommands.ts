import * as vscode from 'vscode';
import { resolveAccount } from '../commands/targets';
import type { PanelManager } from '../panel/panelManager';
import type { ViewSpec } from '../protocol/savedView';
import type { Services } from '../services';
import { askViewName, pickView, specOf, targetPanel, type ViewTarget } from './viewCommands';
import type { ViewRef } from './viewRefs';
import { parseViewsText, toSpec, viewsDocument } from './viewSchemas';
import { unshareableReason } from './shareCheck';

/** Names already used where the view lives (its account's stream, or its workspace file). */
function takenNames(services: Services, ref: ViewRef): Set<string> {
  const { provider, streamId } = ref.view;
  const siblings =
    ref.kind === 'account'
      ? services.views.forStream(ref.view.accountId, provider, streamId)
      : services.workspaceViews.list().filter((view) => view.file.toString() === ref.view.file.toString());
  return new Set(siblings.map((view) => view.name));
}

/** The clicked node's view; from the palette, one the user picks. */
async function requireTarget(services: Services, target: ViewTarget | undefined): Promise<ViewTarget> {
  return target?.ref ? target : pickView(services);
}

export async function renameView(services: Services, target?: ViewTarget): Promise<void> {
  const { ref } = await requireTarget(services, target);
  const taken = takenNames(services, ref);
  taken.delete(ref.view.name);
  const name = await askViewName(services, ref.view.name, taken);
  if (ref.kind === 'account') await services.views.update(ref.view.id, { ...ref.view, name });
  else await services.workspaceViews.rename(ref.view, name);
}

/** A copy next to the original (same account, or same workspace file) named "<name> copy". */
export async function duplicateView(services: Services, target?: ViewTarget): Promise<void> {
  const { ref } = await requireTarget(services, target);
  const name = await askViewName(services, `${ref.view.name} copy`, takenNames(services, ref));
  const copy = { ...toSpec(ref.view), name };
  if (ref.kind === 'account') await services.views.add(ref.view.accountId, copy);
  else await services.workspaceViews.save(copy);
}

export async function deleteView(services: Services, target?: ViewTarget): Promise<void> {
  const { ref } = await requireTarget(services, target);
  const where = ref.kind === 'workspace' ? ' from the workspace file (for everyone who uses it)' : '';
  if (!(await services.prompter.confirm('confirmDeleteView', `Delete the view "${ref.view.name}"${where}?`, 'Delete'))) return;
  if (ref.kind === 'account') await services.views.remove(ref.view.id);
  else await services.workspaceViews.remove(ref.view);
}

/**
 * Shares a saved view, or what the active panel shows, in `.vscode/api-logs.json`: no account, and refused while a
 * value the user typed carries credentials (the file is meant to be committed).
 */
export async function saveViewToWorkspace(services: Services, panels: PanelManager, target?: ViewTarget): Promise<void> {
  const spec = target?.ref ? toSpec(target.ref.view) : await activePanelSpec(services, panels);
  const problem = unshareableReason(spec, await connectionTokens(services));
  if (problem) throw new Error(`"${spec.name}" was not shared: ${problem}. Remove it from the view, then share it again.`);
  const saved = await services.workspaceViews.save(spec);
  const file = vscode.workspace.asRelativePath(saved.file);
  void vscode.window.showInformationMessage(`Saved "${spec.name}" to ${file}. Commit it to share the view with your team.`);
}

/** The tokens of every connection, to keep them out of a shared file. */
async function connectionTokens(services: Services): Promise<string[]> {
  const pairs = services.accounts.list().flatMap((account) => account.connections.map((connection) => [account.id, connection.provider] as const));
  const tokens = await Promise.all(pairs.map(([accountId, provider]) => services.tokens.get(accountId, provider)));
  return tokens.filter((token): token is string => token !== undefined);
}

async function activePanelSpec(services: Services, panels: PanelManager): Promise<ViewSpec> {
  const panel = targetPanel(panels);
  const taken = new Set(services.workspaceViews.list().map((view) => view.name));
  return specOf(panel, await askViewName(services, panel.definition.label, taken));
}

/** Every view saved in this VS Code, as JSON without account ids. */
export async function exportViews(services: Services): Promise<void> {
  const views = services.views.list();
  if (views.length === 0) throw new Error('There are no saved views to export.');
  const target = await vscode.window.showSaveDialog({
    title: 'Export saved views',
    defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(process.cwd()), 'api-logs-views.json'),
    filters: { JSON: ['json'] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(viewsDocument(views)));
  void vscode.window.showInformationMessage(`Exported ${views.length} view${views.length === 1 ? '' : 's'}.`);
}

/**
 * Adds the views of a JSON file to an account. A malformed file changes nothing; invalid entries and views whose
 * provider the account has no connection for are skipped and counted.
 */
export async function importViews(services: Services, file?: vscode.Uri): Promise<number> {
  const source = file ?? (await pickImportFile());
  const parsed = parseViewsText(new TextDecoder().decode(await vscode.workspace.fs.readFile(source)), source.fsPath);
  if (parsed.views.length === 0) throw new Error(parsed.problems[0] ?? `${source.fsPath} holds no views.`);
  const account = await resolveAccount(services);
  const fitting = parsed.views.filter((view) => account.connections.some((c) => c.provider === view.provider));
  for (const view of fitting) {
    const taken = new Set(services.views.forStream(account.id, view.provider, view.streamId).map((v) => v.name));
    await services.views.add(account.id, { ...view, name: uniqueName(view.name, taken) });
  }
  const skipped = parsed.views.length - fitting.length + parsed.problems.length;
  parsed.problems.forEach((problem) => services.logger.warn(problem));
  const note = skipped > 0 ? ` ${skipped} skipped (invalid, or no matching connection in ${account.name}; see the log).` : '';
  void vscode.window.showInformationMessage(`Imported ${fitting.length} view${fitting.length === 1 ? '' : 's'} into ${account.name}.${note}`);
  return fitting.length;
}

async function pickImportFile(): Promise<vscode.Uri> {
  const picked = await vscode.window.showOpenDialog({ title: 'Import saved views', canSelectMany: false, filters: { JSON: ['json'] } });
  if (!picked?.[0]) throw new vscode.CancellationError();
  return picked[0];
}

function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  let n = 2;
  while (taken.has(`${name} (${n})`)) n++;
  return `${name} (${n})`;
}
