import { commandIds } from '../constants';
import type { Services } from '../services';
import type { LogsTreeProvider } from '../tree/logsTreeProvider';
import { addAccount, removeAccount, renameAccount } from './accountCommands';
import { addProvider, editConnection, removeConnection, testConnection } from './connectionCommands';
import { registerCommand } from './registerCommand';
import type { AccountTarget, ConnectionTarget } from './targets';

/** Maps the account, connection and tree command IDs to their implementations. */
export function registerCommands(services: Services, tree: LogsTreeProvider): void {
  registerCommand(services, commandIds.addAccount, () => addAccount(services));
  registerCommand(services, commandIds.renameAccount, (target?: AccountTarget) => renameAccount(services, target));
  registerCommand(services, commandIds.removeAccount, (target?: AccountTarget) => removeAccount(services, target));
  registerCommand(services, commandIds.addProvider, (target?: AccountTarget) => addProvider(services, target));
  registerCommand(services, commandIds.testConnection, (target?: ConnectionTarget) => testConnection(services, target));
  registerCommand(services, commandIds.editConnection, (target?: ConnectionTarget) => editConnection(services, target));
  registerCommand(services, commandIds.removeConnection, (target?: ConnectionTarget) =>
    removeConnection(services, target),
  );
  registerCommand(services, commandIds.refresh, () => tree.refresh());
  registerCommand(services, commandIds.showLogs, () => services.logger.show());
}
