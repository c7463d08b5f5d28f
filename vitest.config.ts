import { defineConfig } from 'vitest/config';

/** Code that runs in the worker or the CLI, where the realm is locked down (SES) before user code compiles. */
const HARDENED = [
  'src/engine/**/*.test.ts',
  'src/flow/**/*.test.ts',
  'src/schema/**/*.test.ts',
  'src/kinds/**/*.test.ts',
  'src/run/**/*.test.ts',
  'src/worker/**/*.test.ts',
  'src/storage/**/*.test.ts',
  'src/cli/**/*.test.ts',
  'src/lib/**/*.test.ts',
  'src/protocol/**/*.test.ts',
];

// Some tests run the TypeScript compiler or pack large snapshots: 5 s is too tight on a loaded 2-core machine.
const TEST_TIMEOUT_MS = 30_000;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'worker',
          include: HARDENED,
          environment: 'node',
          testTimeout: TEST_TIMEOUT_MS,
          setupFiles: ['./src/engine/code/hardenRealm.setup.ts'],
        },
      },
      // The UI thread is never locked down (it runs no user code), so its tests run as the page does.
      {
        test: {
          name: 'ui',
          include: ['src/**/*.test.ts'],
          exclude: HARDENED,
          environment: 'node',
          testTimeout: TEST_TIMEOUT_MS,
        },
      },
      // The project's own tools (lint rules, scripts).
      {
        test: { name: 'tools', include: ['scripts/**/*.test.mjs'], environment: 'node', testTimeout: TEST_TIMEOUT_MS },
      },
    ],
  },
});
