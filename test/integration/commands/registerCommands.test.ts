import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateApi, ourExtension } from '../support/extensionApi';

interface Manifest {
  contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]> };
}

describe('command registration', () => {
  it('registers every apiLogs.* command declared in package.json, and declares every one it registers', async () => {
    await activateApi();
    const manifest = ourExtension().packageJSON as Manifest;
    const declared = manifest.contributes.commands.map((entry) => entry.command).sort();
    // The workbench adds `<viewId>.focus` and friends for each contributed view; those are not ours.
    const viewIds = Object.values(manifest.contributes.views).flat().map((view) => view.id);
    const registered = (await vscode.commands.getCommands(true))
      .filter((id) => id.startsWith('apiLogs.') && !viewIds.some((view) => id.startsWith(`${view}.`)))
      .sort();
    assert.ok(declared.includes('apiLogs.addAccount'));
    assert.deepEqual(registered, declared);
  });
});
