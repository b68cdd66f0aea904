import type { FilterDef } from '../../protocol/streamDefinition';

/** The server-side filters both SignalWire log endpoints share. */
export const signalwireDateFilters: readonly FilterDef[] = [
  { key: 'created_after', kind: 'datetime', label: 'Created after', serverSide: true },
  { key: 'created_before', kind: 'datetime', label: 'Created before', serverSide: true },
  { key: 'created_on', kind: 'date', label: 'Created on', description: 'One day (YYYY-MM-DD).', serverSide: true },
  {
    key: 'include_deleted',
    kind: 'boolean',
    label: 'Include deleted',
    description: 'Also list logs of deleted activity.',
    serverSide: true,
    defaultValue: false,
  },
];
