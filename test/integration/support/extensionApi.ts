import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApiLogsApi } from '../../../src/extension';

export const extensionId = 'api-logs-explorer.api-logs-explorer';

export function ourExtension(): vscode.Extension<ApiLogsApi> {
  const extension = vscode.extensions.getExtension<ApiLogsApi>(extensionId);
  assert.ok(extension, `${extensionId} is not loaded in this extension host`);
  return extension;
}

/** Activates the extension under test (idempotent) and returns the API `activate` resolved with. */
export async function activateApi(): Promise<ApiLogsApi> {
  return ourExtension().activate();
}
