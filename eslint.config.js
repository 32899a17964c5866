// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The boundaries between the sides are checked here, not remembered:
 * - shared/   the contract and pure logic: no Node, no Electron, no DOM, no main or renderer code;
 * - renderer/ the UI: no Node, no Electron, no main code (it reaches the core only through the bridge);
 * - main/core and main/host: no Electron (so they run and are tested in plain Node), no renderer code;
 * - main/shell and main/preload: the thin Electron layer.
 */
const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);

/** @param {string[]} extra */
const restrict = (...extra) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: extra, message: 'This import crosses a boundary between main, renderer and shared (see eslint.config.js).' },
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.groundwork-preview/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict(...nodeBuiltins, 'electron', 'react', 'react-dom', '**/main/**', '**/renderer/**', 'better-sqlite3-multiple-ciphers'),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
      'no-console': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...restrict(...nodeBuiltins, 'electron', '**/main/**', 'better-sqlite3-multiple-ciphers'),
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['main/core/**/*.ts', 'main/host/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...restrict('electron', 'electron/*', '**/renderer/**', 'react', 'react-dom'),
      // The core logs through main/core/log.ts only, which never writes content.
      'no-console': 'error',
    },
  },
  {
    files: ['main/shell/**/*.ts', 'main/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...restrict('**/renderer/**', 'react', 'react-dom'),
      'no-console': 'error',
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.{ts,mjs}', 'scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}', 'electron.vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
