// Lint rules, including the architecture's import boundaries. Layers, lowest first; each imports
// only from layers below it (src/kinds/README.md says where a kind's files sit):
//   lib → schema → flow (with each kind's <kind>Node.ts and kinds/nodeKinds.ts) → engine core
//   → kinds, pure part (<kind>Kind.ts, registry.ts) → run (the Runtime that composes them)
//   → protocol (types) → storage, worker, cli → client, state → features
//   → kinds, UI part (*.tsx, uiRegistry.ts) → App.tsx, main.tsx (which gives features the UI registry).
// Rule options do not merge across config objects: a later block that sets
// @typescript-eslint/no-restricted-imports for a file replaces the earlier one entirely,
// so every layer below states its full list.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { folderBoundary } from './scripts/eslint/folderBoundary.mjs';

const TS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

/** `**\/name` and `**\/name/**`: a folder of ours, wherever the relative path climbs from. */
const folders = (...names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);

const PURE_CORE_MESSAGE = 'The engine runs on injected time and seeded random: use the Clock/Random it is given.';

/** Ambient capabilities the pure core must not touch (timers, clocks, randomness, DOM, storage, network). */
const IMPURE_GLOBALS = [
  'Date',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'performance',
  'window',
  'document',
  'self',
  'indexedDB',
  'localStorage',
  'sessionStorage',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'navigator',
  'crypto',
];

const UI_PACKAGES = {
  group: ['react', 'react/**', 'react-dom', 'react-dom/**', '@xyflow/**', 'zustand', 'zustand/**'],
  message: 'UI libraries belong in features/, state/ and client/.',
};
const BROWSER_PACKAGES = {
  group: ['idb', 'idb/**', 'monaco-editor', 'monaco-editor/**', '@monaco-editor/**', '@tanstack/**'],
  message: 'Browser-only libraries stay out of this layer.',
};
const OUTER_LAYERS = {
  group: folders('worker', 'storage', 'client', 'state', 'features', 'cli', 'run'),
  message: 'The engine and flow import nothing of ours but flow/, schema/ and lib/.',
};

/** A kind's node shape (document schema, connections, defaults): the flow layer, importable from anywhere. */
const KIND_SHAPES = ['src/kinds/nodeKinds.ts', 'src/kinds/*/*Node.ts'];
/** A kind's UI part: React, lazily loaded panels, the UI registry. */
const KIND_UI = ['src/kinds/**/*.tsx', 'src/kinds/uiRegistry.ts'];
/** A kind's pure part: what the engine does with its nodes. */
const KIND_PURE = ['src/kinds/**/*.ts'];

/** Every kind file but the shapes (negations keep nodeKinds.ts and <kind>Node.ts importable). */
const KINDS_BUT_SHAPES = {
  regex: '(^|/)kinds/(?!nodeKinds$|[^/]+/[^/]+Node$)',
  message: 'Below the kinds, only their node shapes (kinds/nodeKinds.ts, <kind>Node.ts) may be imported.',
};
const KIND_UI_PARTS = {
  group: ['**/uiRegistry', '**/*Ui', '**/*Panel'],
  message: "A kind's UI part sits above features/: only App imports the UI registry.",
};
const FLOW_BELOW_ENGINE = {
  group: folders('engine', 'run'),
  message: 'flow/ sits below the engine: shared code goes in schema/ or lib/.',
};
const TEST_ONLY = {
  group: ['vitest', 'vitest/**', 'node:*', 'fake-indexeddb', 'fake-indexeddb/**'],
  message: 'Test tools and Node built-ins are for *.test.ts files only: the engine also runs in a browser worker.',
};

/** The pure core: src/engine and src/flow. */
const pureCoreRules = (patterns) => ({
  'no-restricted-globals': ['error', ...IMPURE_GLOBALS.map((name) => ({ name, message: PURE_CORE_MESSAGE }))],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: PURE_CORE_MESSAGE },
    { object: 'Date', property: 'now', message: PURE_CORE_MESSAGE },
    ...IMPURE_GLOBALS.map((property) => ({ object: 'globalThis', property, message: PURE_CORE_MESSAGE })),
  ],
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});

export default defineConfig([
  globalIgnores([
    'dist/',
    'bench/dist/',
    'node_modules/',
    'test-results/',
    'playwright-report/',
    'coverage/',
    '.tidemark/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSEnumDeclaration',
          message: 'No enums: use a `const X = { ... } as const` object and a union type derived from it.',
        },
        {
          selector: 'ExportAllDeclaration',
          message: 'No `export *`: list what the module offers by name.',
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: TS,
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
    },
  },

  // A folder with an index.ts is entered through it, engine/ and flow/ too (vite.config.ts lets the UI's
  // build drop what it does not use of their indexes).
  {
    files: ['src/**/*.{ts,tsx}', 'e2e/**/*.ts', 'bench/**/*.ts'],
    plugins: { local: { rules: { 'folder-boundary': folderBoundary } } },
    rules: { 'local/folder-boundary': 'error' },
  },

  // Environments
  {
    files: ['src/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  {
    files: ['src/cli/**', 'scripts/**', 'bench/**', '*.config.*', 'e2e/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // page.evaluate callbacks run in the page
    files: ['e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },

  // Type-aware rules for our TypeScript; projectService finds each file's tsconfig.json.
  {
    files: ['src/**/*.{ts,tsx}', 'e2e/**/*.ts', 'bench/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // vitest's asymmetric matchers (expect.stringMatching, expect.any, …) are typed `any` by design,
    // so every `{ reason: expect.stringMatching(…) }` would be an "unsafe assignment".
    files: TESTS,
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // plain JavaScript has no types to check
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },

  // React
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },

  // Architecture: the pure core, lowest first
  {
    files: ['src/lib/**', 'src/schema/**'],
    ignores: TESTS.map((glob) => `src/lib/${glob}`),
    rules: pureCoreRules([
      UI_PACKAGES,
      BROWSER_PACKAGES,
      { ...OUTER_LAYERS, group: [...OUTER_LAYERS.group, ...folders('engine', 'flow', 'kinds')] },
      TEST_ONLY,
    ]),
  },
  {
    files: ['src/flow/**', ...KIND_SHAPES],
    rules: pureCoreRules([UI_PACKAGES, BROWSER_PACKAGES, OUTER_LAYERS, FLOW_BELOW_ENGINE, KINDS_BUT_SHAPES, TEST_ONLY]),
  },
  {
    files: ['src/engine/**'],
    rules: pureCoreRules([UI_PACKAGES, BROWSER_PACKAGES, OUTER_LAYERS, KINDS_BUT_SHAPES, TEST_ONLY]),
  },
  {
    // the kinds' pure part runs in the engine: same rules, and never a kind's UI part
    files: KIND_PURE,
    ignores: [...KIND_SHAPES, ...KIND_UI],
    rules: pureCoreRules([UI_PACKAGES, BROWSER_PACKAGES, OUTER_LAYERS, KIND_UI_PARTS, TEST_ONLY]),
  },
  {
    files: ['src/run/**'],
    rules: pureCoreRules([
      UI_PACKAGES,
      BROWSER_PACKAGES,
      { ...OUTER_LAYERS, group: folders('worker', 'storage', 'client', 'state', 'features', 'cli') },
      KIND_UI_PARTS,
      TEST_ONLY,
    ]),
  },
  {
    // tests beside the core keep its rules but may use vitest and node:*
    files: TESTS.flatMap((glob) => [
      `src/engine/${glob}`,
      `src/flow/${glob}`,
      `src/schema/${glob}`,
      `src/kinds/${glob}`,
    ]),
    ignores: KIND_UI,
    rules: pureCoreRules([UI_PACKAGES, BROWSER_PACKAGES, OUTER_LAYERS]),
  },
  {
    files: TESTS.map((glob) => `src/run/${glob}`),
    rules: pureCoreRules([
      UI_PACKAGES,
      BROWSER_PACKAGES,
      { ...OUTER_LAYERS, group: folders('worker', 'storage', 'client', 'state', 'features', 'cli') },
    ]),
  },

  // Architecture: the UI talks to the worker through client/, never to storage or the engine itself
  {
    files: ['src/features/**', 'src/state/**', 'src/client/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...folders('worker', 'storage'), 'idb', 'idb/**'],
              message: 'The UI reaches the worker and IndexedDB only through client/ and the protocol.',
            },
            {
              // The code editor shows the engine's declaration of handler `ctx` as text: one file, read raw.
              regex: String.raw`^(?!.*/engine/code/handlerContextTypes\.ts\?raw$)(.*/)?(engine|run)(/.*)?$`,
              allowTypeImports: true,
              message: 'The engine runs in the worker: import its types only (`import type`).',
            },
            KINDS_BUT_SHAPES,
          ],
        },
      ],
    },
  },

  // Architecture: a kind's UI part is a feature of its own; it reaches the engine's code by types only
  {
    files: KIND_UI,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...folders('worker', 'storage'), 'idb', 'idb/**'],
              message: 'The UI reaches the worker and IndexedDB only through client/ and the protocol.',
            },
            {
              group: [
                ...folders('engine', 'run'),
                '**/registry',
                '**/*Kind',
                '**/kindModule',
                '**/subscriberActions',
                '!**/flow/nodeKind',
              ],
              allowTypeImports: true,
              message:
                "The engine and the kinds' pure part run in the worker: import their types only (`import type`).",
            },
          ],
        },
      ],
    },
  },

  // Architecture: the protocol is types (and constant data) only
  {
    files: ['src/protocol/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: folders('engine', 'flow', 'run', 'kinds'),
              allowTypeImports: true,
              message: 'The protocol describes messages: import types only (`import type`).',
            },
            {
              group: folders('worker', 'storage', 'client', 'state', 'features', 'cli'),
              message: 'The protocol sits below every side that speaks it.',
            },
            UI_PACKAGES,
            BROWSER_PACKAGES,
          ],
        },
      ],
    },
  },

  // Architecture: the worker side knows no UI
  {
    files: ['src/storage/**', 'src/worker/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...UI_PACKAGES, message: 'The worker side knows no UI library.' },
            {
              group: [
                ...folders('features', 'state', 'client'),
                'monaco-editor',
                'monaco-editor/**',
                '@monaco-editor/**',
              ],
              message: 'The worker side knows no UI code.',
            },
            KIND_UI_PARTS,
          ],
        },
      ],
    },
  },

  // Architecture: the CLI runs the engine in Node, without the browser's layers
  {
    files: ['src/cli/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: folders('worker', 'storage', 'features', 'state', 'client'),
              message: 'The CLI drives the engine directly and knows no browser layer.',
            },
            KIND_UI_PARTS,
            UI_PACKAGES,
            BROWSER_PACKAGES,
          ],
        },
      ],
    },
  },
]);
