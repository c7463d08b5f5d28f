#!/usr/bin/env node
// `npm start`: install what is missing, build, serve dist/ on 127.0.0.1 and open a browser.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/deps.mjs';
import { bold, error, green, header, info, warn } from './lib/log.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';
const FIRST_PORT = 4173;
const PORTS_TO_TRY = 10;

/** Opens the URL in the desktop's browser where there is one; never fails. */
function openBrowser(url) {
  if (process.env.CI) return false;
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : hasDisplay
          ? ['xdg-open', [url]]
          : [null, []];
  if (!command) return false;
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => warn(`could not open a browser (${command}); open ${url} yourself`));
    child.unref();
    return true;
  } catch {
    return false;
  }
}

header('dependencies');
if (!(await ensureDependencies(root))) {
  error('could not install dependencies');
  process.exit(1);
}

// vite is imported only now: a fresh clone has no node_modules before the step above
const { build, preview } = await import('vite');

header('build');
try {
  await build({ root, logLevel: 'info' });
} catch (err) {
  error(`the build failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}

header('serve');
let server = null;
for (let port = FIRST_PORT; port < FIRST_PORT + PORTS_TO_TRY && !server; port++) {
  try {
    server = await preview({ root, preview: { host: HOST, port, strictPort: true, open: false } });
  } catch (err) {
    if (err?.code !== 'EADDRINUSE' && !/already in use/i.test(String(err?.message))) throw err;
    info(`port ${port} is taken, trying ${port + 1}`);
  }
}
if (!server) {
  error(`ports ${FIRST_PORT}-${FIRST_PORT + PORTS_TO_TRY - 1} on ${HOST} are all taken`);
  process.exit(1);
}

const url = server.resolvedUrls?.local[0] ?? `http://${HOST}:${FIRST_PORT}/`;
console.log(`\n  ${green('Tidemark is running at')} ${bold(url)}\n`);
if (openBrowser(url)) info('opening it in your browser');
info('press Ctrl-C to stop');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  // open keep-alive connections can hold close() for seconds; Ctrl-C should feel immediate
  setTimeout(() => process.exit(0), 500).unref();
  await server.close().catch(() => {});
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
