import type * as AccountSetupCommands from './accountSetupCommands';

/**
 * The account and connection commands, bundled apart (dist/accountSetupCommands.js, see esbuild.mjs): most sessions
 * never run them, so activation does not load them.
 */
export function loadAccountSetupCommands(): Promise<typeof AccountSetupCommands> {
  return import('./accountSetupCommands');
}
