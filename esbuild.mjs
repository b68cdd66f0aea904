import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const production = process.argv.includes('--production');
/** Where the bundles go; the bundle-size benchmark builds into a scratch folder. */
const outdir = process.env.API_LOGS_OUTDIR ?? 'dist';
const watch = process.argv.includes('--watch');

/** Prints errors in the format of VS Code's esbuild problem matcher, for the background watch task. */
const problemMatcherPlugin = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * Library parts this extension never runs, replaced in the host bundle by stand-ins (about 85 KB minified):
 * - axios's Node build imports modules for features unused here, as it only sends GETs with `maxRedirects: 0` and
 *   `adapter: 'http'` (src/http/httpClient.ts): form-data (multipart uploads; it drags in mime-db, 130 KB),
 *   follow-redirects (used only when redirects are followed), and the browser adapters xhr (never supported in
 *   Node) and fetch (which also builds its adapter at load time, on every activation). Its proxy agent logs through
 *   debug, which nobody can switch on inside VS Code.
 * - zod's JSON Schema generation (`z.toJSONSchema`, `schema.toJSONSchema()`, Standard JSON Schema and the derived
 *   `minLength`-style properties), about 20 KB: schemas here only parse. Each of its exports becomes a function that
 *   throws, so a future use fails loudly instead of quietly doing nothing.
 */
const standIns = {
  'form-data': 'module.exports = class FormData {};',
  'follow-redirects': 'module.exports = {};',
  debug: 'module.exports = () => () => undefined;',
};
const axiosAdapterStandIns = {
  'adapters/xhr.js': 'export default false;',
  'adapters/fetch.js': 'export const getFetch = () => false; export default false;',
};
const zodJsonSchemaModules = /zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema|json-schema-generator)\.js$/;

/** A module with the same exports as the file at `path`, each a function that throws (`create…` ones return it). */
function throwingExports(path) {
  const source = readFileSync(path, 'utf8');
  const names = [...source.matchAll(/^export (?:function|const|class|let) (\w+)/gm)].map((match) => match[1]);
  const aliases = [...source.matchAll(/^export \{ (\w+) as (\w+) \}/gm)].map((match) => match[2]);
  const lines = [`function leftOut() { throw new Error('zod JSON Schema support is left out of this bundle (esbuild.mjs)'); }`];
  for (const name of [...names, ...aliases]) lines.push(`export const ${name} = ${name.startsWith('create') ? '() => leftOut' : 'leftOut'};`);
  return lines.join('\n');
}

const withoutUnusedLibraryParts = {
  name: 'without-unused-library-parts',
  setup(build) {
    build.onResolve({ filter: /^(form-data|follow-redirects|debug)$/ }, (args) => ({ path: args.path, namespace: 'stand-in' }));
    build.onLoad({ filter: /.*/, namespace: 'stand-in' }, (args) => ({ contents: standIns[args.path], loader: 'js' }));
    build.onLoad({ filter: /axios[\\/]lib[\\/]adapters[\\/](xhr|fetch)\.js$/ }, (args) => ({
      contents: axiosAdapterStandIns[args.path.replace(/\\/g, '/').replace(/^.*axios\/lib\//, '')],
      loader: 'js',
    }));
    build.onLoad({ filter: zodJsonSchemaModules }, (args) => ({ contents: throwingExports(args.path), loader: 'js' }));
  },
};

/**
 * Host code only some users need, each bundled into its own file that a dynamic `import()` loads the first time it is
 * used, which keeps it out of dist/extension.js (what every activation loads). Importing one of these modules
 * statically from elsewhere would bundle a second copy, so only their `load…` modules import them, with `import()`.
 * Whatever else they import is bundled into them too: keep that to modules without state (no second zod).
 */
const onDemand = {
  /** The sample servers and their data, for users who try the sample data (src/sampleData/loadSampleServers.ts). */
  sampleServers: 'src/sample/fakeServers.ts',
  /** Find Call Sites' workspace search and result picker (src/code/loadWorkspaceCallSites.ts). */
  workspaceCallSites: 'src/code/workspaceCallSites.ts',
  /** Adding, editing, testing and removing accounts and connections (src/commands/loadAccountSetupCommands.ts). */
  accountSetupCommands: 'src/commands/accountSetupCommands.ts',
  /** axios, loaded by a connection's first request (src/http/loadAxiosTransport.ts). */
  axiosTransport: 'src/http/axiosTransport.ts',
  /** Exporting rows to a file (src/export/loadExportRows.ts). */
  exportRows: 'src/export/exportRows.ts',
};
const onDemandByPath = new Map(Object.entries(onDemand).map(([name, file]) => [resolve(file).replace(/\.ts$/, ''), name]));

const onDemandApart = {
  name: 'on-demand-apart',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      const name = onDemandByPath.get(resolve(args.resolveDir, args.path).replace(/\.ts$/, ''));
      if (name === undefined || args.kind === 'entry-point') return undefined;
      if (args.kind !== 'dynamic-import') {
        return { errors: [{ text: `${args.path} is loaded on demand (esbuild.mjs onDemand): import it with import() from a load*.ts file` }] };
      }
      return { path: `./${name}.js`, external: true };
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcherPlugin],
};

const host = {
  ...common,
  entryPoints: { extension: 'src/extension.ts', ...onDemand },
  outdir,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // `import()` becomes `require()`, so the extension host loads each on-demand file as the CommonJS it is.
  supported: { 'dynamic-import': false },
  plugins: [problemMatcherPlugin, withoutUnusedLibraryParts, onDemandApart],
};

const webview = {
  ...common,
  entryPoints: ['webview/main.ts'],
  outfile: `${outdir}/webview/main.js`,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
};

/** `API_LOGS_METAFILE=file` writes the host build's esbuild metafile (what each bundle is made of) to that file. */
const metafile = process.env.API_LOGS_METAFILE;
const contexts = await Promise.all([esbuild.context({ ...host, metafile: Boolean(metafile) }), esbuild.context(webview)]);
if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  const [hostResult] = await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  if (metafile) writeFileSync(metafile, JSON.stringify(hostResult.metafile));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}
