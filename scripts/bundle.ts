import { build } from 'esbuild';
import { join } from 'node:path';

/** Bundles the extension's client and the language server into dist/, with no node_modules left to ship. */
const root = join(__dirname, '..', '..');
const production = process.argv.includes('--production');

void Promise.all(
  [
    ['client/src/extension.ts', 'dist/client.js'],
    ['server/src/lsp/main.ts', 'dist/server.js'],
  ].map(([entry, outfile]) =>
    build({
      entryPoints: [join(root, entry)],
      outfile: join(root, outfile),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['vscode'],
      // jsonc-parser's UMD build (main) requires its modules by a path esbuild cannot follow.
      mainFields: ['module', 'main'],
      minify: production,
      sourcemap: !production,
      logLevel: 'warning',
    }),
  ),
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
