import * as vscode from 'vscode';
import * as z from 'zod';
import { registerCommand } from '../commands/registerCommand';
import { commandIds } from '../constants';
import type { PanelManager } from '../panel/panelManager';
import type { ProviderKind } from '../protocol/streamDefinition';
import type { Services } from '../services';
import { ApiCodeLensProvider } from './apiCodeLensProvider';
import { CallSiteFinder } from './callSiteFinder';
import { findCallSites } from './findCallSites';
import { LensRowCache } from './lensRowCache';
import { connectionId } from './lensSources';

/** Languages lenses are offered in (the same family Find Call Sites searches). */
const lensLanguages = [
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'ruby', 'go', 'java', 'kotlin', 'php',
  'csharp', 'rust', 'swift', 'dart', 'elixir', 'lua', 'shellscript', 'vue', 'svelte', 'http',
];
/** One lens fetch per endpoint at most this often. */
const lensCacheTtlMs = 5 * 60_000;

const lensTargetSchema = z.object({
  accountId: z.string().min(1).max(200),
  provider: z.enum(['daily', 'lago']),
  streamId: z.enum(['daily.api', 'lago.api']),
  query: z.string().max(10_000),
});

export interface CodeFeatures {
  readonly callSites: CallSiteFinder;
  readonly codeLens: ApiCodeLensProvider;
  readonly lensCache: LensRowCache;
}

/**
 * Find Call Sites and the endpoint CodeLens. Registering reads nothing secret and sends nothing: a lens fetch
 * happens only after a file naming a connected provider was shown, through the connection's own rate limit.
 */
export function registerCode(services: Services, panels: PanelManager): CodeFeatures {
  const callSites = new CallSiteFinder();
  const lensCache = new LensRowCache(async (connection, streamId, filters) => {
    const [accountId, provider] = connection.split('/') as [string, ProviderKind];
    try {
      const client = (await services.connections.connect({ accountId, provider })).stream(streamId);
      return (await client.fetchPage({ filters, pageSize: 100 })).rows;
    } catch (error) {
      services.logger.child('CodeLens').warn(`Lens fetch for ${streamId} failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }, lensCacheTtlMs);
  const codeLens = new ApiCodeLensProvider(services, panels, lensCache);
  services.context.subscriptions.push(
    callSites,
    codeLens,
    vscode.languages.registerCodeLensProvider(lensLanguages.map((language) => ({ language })), codeLens),
    services.accounts.onDidChange(() => {
      lensCache.retain(new Set(codeLens.sources().map(connectionId)));
    }),
  );
  registerCommand(services, commandIds.findCallSites, (target?: unknown) => findCallSites(services, panels, callSites, target));
  registerCommand(services, commandIds.openLensStream, (target?: unknown) => {
    const parsed = lensTargetSchema.parse(target);
    panels.createOrShow({ ...parsed, filters: {} });
  });
  return { callSites, codeLens, lensCache };
}
