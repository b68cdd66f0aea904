import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ApiLogsApi } from '../../../src/extension';

export const extensionId = 'api-logs-explorer.api-logs-explorer';

export function ourExtension(): vscode.Extension<ApiLogsApi> {
  const extension = vscode.extensions.getExtension<ApiLogsApi>(extensionId);
  assert.ok(extension, `${extensionId} is not loaded in this extension host`);
  return extension;
}

let reactivated: ApiLogsApi | undefined;

/** Activates the extension under test (idempotent) and returns the API of its running activation. */
export async function activateApi(): Promise<ApiLogsApi> {
  const first = await ourExtension().activate();
  return reactivated ?? first;
}

/**
 * The activation test (activation.test.ts) stands the first activation down and calls `activate` again: VS Code
 * still hands out the first one's API, so the tests get this one instead.
 */
export function useReactivatedApi(api: ApiLogsApi): void {
  reactivated = api;
}
