import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', '.vscode-test/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The client talks to the server over LSP: it may share the protocol's types, never the core.
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./\\.\\./server/src/(?!lsp/protocol$)', message: 'The client talks to the server over LSP; import only server/src/lsp/protocol.' }] }],
    },
  },
  {
    // A bundle copies a CommonJS package's exports for each module importing values from it (languageServer.ts).
    files: ['server/src/lsp/**/*.ts'],
    ignores: ['server/src/lsp/languageServer.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode-languageserver', allowTypeImports: true, message: 'Import its values from ./languageServer, so that a bundle copies its exports once.' }] },
      ],
    },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
