#!/usr/bin/env node
// `npm run bench` on a fresh clone: dependencies first (as `npm test` does), then the benchmark.
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from '../scripts/lib/deps.mjs';
import { onStderr } from './lib/stdout.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!(await onStderr(() => ensureDependencies(root)))) {
  console.error('npm could not install the dependencies; see above');
  process.exit(1);
}
// Imported only now: it needs @playwright/test and vite, which the install may just have brought.
await import('./run.mjs');
