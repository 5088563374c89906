import { build, type BuildOptions, type Plugin } from 'esbuild';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

/**
 * Bundles the extension's client and the language server into dist/, with no node_modules left to ship:
 * for the desktop (Node) and for the browser (vscode.dev, github.dev: the client in the web extension
 * host, the server in a web worker).
 */
const root = join(__dirname, '..', '..');
const production = process.argv.includes('--production');

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Fails a web bundle that imports a Node module, naming the file that does; esbuild alone would only say it cannot resolve it. */
const nodeOnlyGuard: Plugin = {
  name: 'node-only-guard',
  setup(plugin) {
    plugin.onResolve({ filter: /^[^./]/ }, (args) =>
      NODE_BUILTINS.has(args.path) || NODE_BUILTINS.has(args.path.split('/')[0]) ? { errors: [{ text: `${args.path} is Node-only and cannot run in the browser (imported by ${args.importer})` }] } : undefined,
    );
  },
};

/** The desktop client loads the browser client bundle (beside it in dist/) instead of bundling the same client again. */
const browserClientBeside: Plugin = {
  name: 'browser-client-beside',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\/browser$/ }, () => ({ path: './browserClient.js', external: true }));
  },
};

/** The desktop server process runs the browser server bundle beside it in dist/ (processMain.ts), not a second server bundle. */
const browserServerBeside: Plugin = {
  name: 'browser-server-beside',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\/browserMain$/ }, () => ({ path: './browserServer.js', external: true }));
  },
};

/**
 * Node modules that vscode-jsonrpc and vscode-languageserver require when they are loaded but use only later, if
 * ever (crypto for random ids and pipe names, child_process to find global modules): each is loaded at its first
 * use, which takes a few milliseconds off the server's start.
 */
const LOADED_AT_FIRST_USE = ['crypto', 'child_process'];

const builtinsAtFirstUse: Plugin = {
  name: 'builtins-at-first-use',
  setup(plugin) {
    plugin.onResolve({ filter: new RegExp(`^(node:)?(${LOADED_AT_FIRST_USE.join('|')})$`) }, (args) =>
      /[\\/]node_modules[\\/]vscode-(jsonrpc|languageserver)[\\/]/.test(args.importer) ? { path: args.path.replace(/^node:/, ''), namespace: 'at-first-use' } : undefined,
    );
    // The libraries only read members of these modules (`crypto_1.randomUUID`), which the proxy forwards.
    plugin.onLoad({ filter: /.*/, namespace: 'at-first-use' }, (args) => ({
      contents: `let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:${args.path}'))[key] });`,
      loader: 'js',
    }));
  },
};

const common: BuildOptions = {
  bundle: true,
  external: ['vscode'],
  // jsonc-parser's UMD build (main) requires its modules by a path esbuild cannot follow.
  mainFields: ['module', 'main'],
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
};

/**
 * The language servers are minified without renaming: a stack trace in a server's log stays readable, and the
 * command-line server, measured, starts some 5 ms sooner than with renamed names.
 */
const server: BuildOptions = production ? { minify: false, minifyWhitespace: true, minifySyntax: true } : {};

const node: BuildOptions = { ...common, platform: 'node', target: 'node20', format: 'cjs' };
// The web extension host loads the client as CommonJS; the worker runs the server as a plain script.
// Neither defines `process` or `Buffer`: tsconfig.web.json checks that the sources use none.
const web: BuildOptions = { ...common, platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'], plugins: [nodeOnlyGuard] };

const bundles: [string, string, BuildOptions][] = [
  ['client/src/node.ts', 'dist/client.js', { ...node, plugins: [browserClientBeside] }],
  ['server/src/lsp/processMain.ts', 'dist/server.js', { ...node, plugins: [browserServerBeside] }],
  // The command-line server (bin/lync-topology-server.js) for other editors, in one file: it starts without
  // reading the core's modules one by one. Not in the .vsix (.vscodeignore lists what is).
  ['server/src/lsp/main.ts', 'dist/lync-topology-server.js', { ...node, ...server, plugins: [builtinsAtFirstUse] }],
  ['client/src/browser.ts', 'dist/browserClient.js', { ...web, format: 'cjs' }],
  ['server/src/lsp/browserMain.ts', 'dist/browserServer.js', { ...web, ...server, format: 'iife' }],
];

void Promise.all(bundles.map(([entry, outfile, options]) => build({ ...options, entryPoints: [join(root, entry)], outfile: join(root, outfile) }))).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
