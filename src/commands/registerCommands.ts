import { commandIds } from '../constants';
import type { Services } from '../services';
import type { LogsTreeProvider } from '../tree/logsTreeProvider';
import { loadAccountSetupCommands } from './loadAccountSetupCommands';
import { registerCommand } from './registerCommand';
import type { AccountTarget, ConnectionTarget } from './targets';

/** Maps the account, connection and tree command IDs to their implementations. */
export function registerCommands(services: Services, tree: LogsTreeProvider): void {
  const setup = loadAccountSetupCommands;
  registerCommand(services, commandIds.addAccount, async () => (await setup()).addAccount(services));
  registerCommand(services, commandIds.renameAccount, async (target?: AccountTarget) => (await setup()).renameAccount(services, target));
  registerCommand(services, commandIds.removeAccount, async (target?: AccountTarget) => (await setup()).removeAccount(services, target));
  registerCommand(services, commandIds.addProvider, async (target?: AccountTarget) => (await setup()).addProvider(services, target));
  registerCommand(services, commandIds.testConnection, async (target?: ConnectionTarget) => (await setup()).testConnection(services, target));
  registerCommand(services, commandIds.editConnection, async (target?: ConnectionTarget) => (await setup()).editConnection(services, target));
  registerCommand(services, commandIds.removeConnection, async (target?: ConnectionTarget) =>
    (await setup()).removeConnection(services, target),
  );
  registerCommand(services, commandIds.refresh, () => tree.refresh());
  registerCommand(services, commandIds.showLogs, () => services.logger.show());
}
