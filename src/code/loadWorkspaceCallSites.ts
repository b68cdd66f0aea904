import type * as WorkspaceCallSites from './workspaceCallSites';

/** Find Call Sites' search and picker, bundled apart (dist/workspaceCallSites.js, see esbuild.mjs) and loaded on first use. */
export function loadWorkspaceCallSites(): Promise<typeof WorkspaceCallSites> {
  return import('./workspaceCallSites');
}
