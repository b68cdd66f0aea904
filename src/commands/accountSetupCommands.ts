/** Adding, editing, testing and removing accounts and connections: loaded on demand (see esbuild.mjs). */
export { addAccount, removeAccount, renameAccount } from './accountCommands';
export { addProvider, editConnection, removeConnection, testConnection } from './connectionCommands';
