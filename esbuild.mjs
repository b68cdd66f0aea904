import * as esbuild from 'esbuild';

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
 * axios's Node build imports modules for features this extension never uses, as it only sends GETs with
 * `maxRedirects: 0` (src/http/httpClient.ts): form-data (multipart uploads; it drags in mime-db, 130 KB minified)
 * and follow-redirects (used only when redirects are followed). Its proxy agent logs through debug, which
 * nobody can switch on inside VS Code. Stand-ins keep them out of the host bundle: about 55 KB.
 */
const standIns = {
  'form-data': 'module.exports = class FormData {};',
  'follow-redirects': 'module.exports = {};',
  debug: 'module.exports = () => () => undefined;',
};
const withoutUnusedAxiosParts = {
  name: 'without-unused-axios-parts',
  setup(build) {
    build.onResolve({ filter: /^(form-data|follow-redirects|debug)$/ }, (args) => ({ path: args.path, namespace: 'stand-in' }));
    build.onLoad({ filter: /.*/, namespace: 'stand-in' }, (args) => ({ contents: standIns[args.path], loader: 'js' }));
  },
};

/**
 * The sample servers (src/sample/*) are only for users who try the sample data: `loadSampleServers` imports them at
 * use time from their own file, dist/sampleServers.js (the second host entry), which keeps them out of the bundle
 * every activation loads.
 */
const sampleServersApart = {
  name: 'sample-servers-apart',
  setup(build) {
    build.onResolve({ filter: /\/sample\/fakeServers$/ }, (args) =>
      args.importer.endsWith('loadSampleServers.ts') ? { path: './sampleServers.js', external: true } : undefined,
    );
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
  entryPoints: { extension: 'src/extension.ts', sampleServers: 'src/sample/fakeServers.ts' },
  outdir,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // `import()` becomes `require()`, so the extension host loads dist/sampleServers.js as the CommonJS it is.
  supported: { 'dynamic-import': false },
  plugins: [problemMatcherPlugin, withoutUnusedAxiosParts, sampleServersApart],
};

const webview = {
  ...common,
  entryPoints: ['webview/main.ts'],
  outfile: `${outdir}/webview/main.js`,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
};

const contexts = await Promise.all([esbuild.context(host), esbuild.context(webview)]);
if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}
