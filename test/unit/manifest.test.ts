import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { commandIds, settingKeys, viewIds } from '../../src/constants';

const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8'));

describe('package.json manifest', () => {
  it('declares exactly the commands in constants.ts, each with the API Logs category', () => {
    const declared = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(declared, Object.values(commandIds).sort());
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'API Logs', command.command);
  });

  it('gives every setting a type, default and description, and bounds to every number', () => {
    const properties = manifest.contributes.configuration.properties as Record<string, Record<string, unknown>>;
    for (const key of Object.values(settingKeys).filter((k) => k !== settingKeys.section)) {
      const setting = properties[`apiLogs.${key}`];
      assert.ok(setting, `apiLogs.${key} is declared`);
      assert.ok(setting.type && setting.default !== undefined && setting.description, key);
      if (setting.type === 'integer') assert.ok(typeof setting.minimum === 'number' && typeof setting.maximum === 'number', key);
    }
  });

  it('activates for the serializer and after startup (watches resume, lenses register); views and commands on their own', () => {
    assert.deepEqual(manifest.activationEvents, [`onWebviewPanel:${viewIds.tablePanel}`, 'onStartupFinished']);
    assert.equal(manifest.contributes.views[viewIds.container][0].id, viewIds.explorer);
  });

  it('runs in untrusted workspaces (Restricted Mode): it reads no workspace code', () => {
    assert.deepEqual(manifest.capabilities, { untrustedWorkspaces: { supported: true } });
  });
});
