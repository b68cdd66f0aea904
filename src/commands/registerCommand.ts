import * as vscode from 'vscode';
import { isProviderError } from '../http/providerError';
import type { Services } from '../services';
import type { CommandId } from '../constants';

/**
 * Registers a command through one error boundary: a cancellation is silent, any other failure is logged with its
 * cause and shown as one sentence with a "Show Logs" action.
 */
export function registerCommand<A extends unknown[]>(
  services: Services,
  id: CommandId,
  handler: (...args: A) => unknown,
): void {
  const disposable = vscode.commands.registerCommand(id, async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isCancellation(error)) return undefined;
      services.logger.error(`${id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(message, 'Show Logs').then((choice) => {
        if (choice) services.logger.show();
      });
      return undefined;
    }
  });
  services.context.subscriptions.push(disposable);
}

function isCancellation(error: unknown): boolean {
  return (isProviderError(error) && error.kind === 'cancelled') || error instanceof vscode.CancellationError;
}
