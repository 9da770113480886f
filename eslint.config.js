import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/**
 * The layering of DESIGN.md, as import bans: `ui → state → (render, decode, storage) → (formats, core)`;
 * `core` imports nothing of the project; `render` never imports `state` or `ui`; workers import only `core`
 * and `formats`. Each entry lists what a folder may NOT import.
 */
const layers = {
  'src/core': {
    project: ['formats', 'storage', 'decode', 'render', 'state', 'ui', 'i18n', 'cli', 'app'],
    packages: ['three', 'three/*', 'dexie', 'svelte', 'svelte/*', 'comlink', 'i18next'],
  },
  'src/formats': {
    project: ['storage', 'decode', 'render', 'state', 'ui', 'i18n', 'cli', 'app'],
    packages: ['three', 'three/*', 'dexie', 'svelte', 'svelte/*'],
  },
  'src/storage': {
    project: ['decode', 'render', 'state', 'ui', 'cli', 'app'],
    packages: ['three', 'three/*', 'svelte', 'svelte/*'],
  },
  'src/decode': {
    project: ['storage', 'render', 'state', 'ui', 'cli', 'app'],
    packages: ['three', 'three/*', 'dexie', 'svelte', 'svelte/*'],
  },
  'src/render': {
    project: ['storage', 'decode', 'state', 'ui', 'cli', 'app'],
    packages: ['dexie', 'svelte', 'svelte/*'],
  },
  'src/state': { project: ['ui', 'cli', 'app'], packages: [] },
  'src/ui': { project: ['cli', 'app'], packages: ['dexie', 'comlink'] },
  'src/i18n': {
    project: ['core', 'formats', 'storage', 'decode', 'render', 'state', 'ui', 'cli', 'app'],
    packages: ['svelte', 'svelte/*'],
  },
  'src/cli': {
    project: ['storage', 'decode', 'render', 'state', 'ui', 'app'],
    packages: ['three', 'three/*', 'dexie', 'svelte', 'svelte/*'],
  },
  workers: {
    project: ['storage', 'decode', 'render', 'state', 'ui', 'i18n', 'cli', 'app'],
    packages: ['three', 'three/*', 'dexie', 'svelte', 'svelte/*'],
  },
};

const layerRules = Object.entries(layers).map(([dir, { project, packages }]) => ({
  files: [`${dir}/**/*.ts`, `${dir}/**/*.svelte`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...project.map((layer) => ({
            regex: `(^|/)(src/)?${layer}(/|$)`,
            message: `${dir} may not import ${layer} (see the layering in src/README.md).`,
          })),
          ...(packages.length
            ? [{ group: packages, message: `${dir} may not depend on this package (layering).` }]
            : []),
        ],
      },
    ],
  },
}));

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'bench/results.json'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig },
    },
  },
  ...layerRules,
);
