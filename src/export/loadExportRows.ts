import type * as ExportRows from './exportRows';

/** Exporting rows, bundled apart (dist/exportRows.js, see esbuild.mjs) and loaded on first use. */
export function loadExportRows(): Promise<typeof ExportRows> {
  return import('./exportRows');
}
