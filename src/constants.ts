/** Every ID the extension contributes or stores, in one place. Mirrors package.json `contributes`. */
export const commandIds = {
  addAccount: 'apiLogs.addAccount',
  renameAccount: 'apiLogs.renameAccount',
  removeAccount: 'apiLogs.removeAccount',
  addProvider: 'apiLogs.addProvider',
  testConnection: 'apiLogs.testConnection',
  editConnection: 'apiLogs.editConnection',
  removeConnection: 'apiLogs.removeConnection',
  refresh: 'apiLogs.refresh',
  openStream: 'apiLogs.openStream',
  showLogs: 'apiLogs.showLogs',
  trySampleData: 'apiLogs.trySampleData',
  removeSampleData: 'apiLogs.removeSampleData',
  openView: 'apiLogs.openView',
  saveView: 'apiLogs.saveView',
  saveViewAs: 'apiLogs.saveViewAs',
  renameView: 'apiLogs.renameView',
  duplicateView: 'apiLogs.duplicateView',
  deleteView: 'apiLogs.deleteView',
  saveViewToWorkspace: 'apiLogs.saveViewToWorkspace',
  exportViews: 'apiLogs.exportViews',
  importViews: 'apiLogs.importViews',
  findCallSites: 'apiLogs.findCallSites',
  openLensStream: 'apiLogs.openLensStream',
  watchForErrors: 'apiLogs.watchForErrors',
  stopWatching: 'apiLogs.stopWatching',
  showNewErrors: 'apiLogs.showNewErrors',
  openTimeline: 'apiLogs.openTimeline',
  openTogether: 'apiLogs.openTogether',
  showAroundTime: 'apiLogs.showAroundTime',
  findRelated: 'apiLogs.findRelated',
  saveTimelineView: 'apiLogs.saveTimelineView',
  saveTimelineViewAs: 'apiLogs.saveTimelineViewAs',
  openTimelineView: 'apiLogs.openTimelineView',
  renameTimelineView: 'apiLogs.renameTimelineView',
  deleteTimelineView: 'apiLogs.deleteTimelineView',
} as const;

export type CommandId = (typeof commandIds)[keyof typeof commandIds];

export const viewIds = {
  container: 'apiLogs',
  explorer: 'apiLogs.explorer',
  /** Saved timelines (they span accounts, so they are not under one in the explorer). */
  timelines: 'apiLogs.timelines',
  tablePanel: 'apiLogs.table',
} as const;

export const contextKeys = {
  ready: 'apiLogs.ready',
  hasAccounts: 'apiLogs.hasAccounts',
  hasSampleData: 'apiLogs.hasSampleData',
  hasWatches: 'apiLogs.hasWatches',
  /** The active editor is a timeline (its title offers Save Timeline as View instead of Save View). */
  timelineActive: 'apiLogs.timelineActive',
  /** Some timeline is saved: the Timelines view shows. */
  hasSavedTimelines: 'apiLogs.hasSavedTimelines',
  /** Walkthrough progress: set once the user has done the step in a log panel. */
  didFilter: 'apiLogs.didFilter',
  didExport: 'apiLogs.didExport',
  didLiveTail: 'apiLogs.didLiveTail',
} as const;

export const stateKeys = {
  accounts: 'apiLogs.accounts',
  savedViews: 'apiLogs.savedViews',
  timelineViews: 'apiLogs.timelineViews',
} as const;

export const settingKeys = {
  section: 'apiLogs',
  pageSize: 'pageSize',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
  timeZone: 'timeZone',
  maxRows: 'maxRows',
  liveTailIntervalSeconds: 'liveTailIntervalSeconds',
  codeLensEnabled: 'codeLens.enabled',
  watchIntervalSeconds: 'watchIntervalSeconds',
} as const;

export const outputChannelName = 'API Logs';
