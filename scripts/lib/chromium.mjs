// Finds a Chromium for Playwright, installing Debian's package when we can.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { info, warn } from './log.mjs';
import { run } from './proc.mjs';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const INSTALL_HINT = [
  'No Chromium found for the end-to-end tests. Install one of:',
  '  - Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium',
  '  - any OS with internet access: npx playwright install chromium',
  '  - or point CHROMIUM_PATH at an existing Chromium/Chrome executable.',
].join('\n');

function playwrightChromium(root) {
  try {
    const require = createRequire(path.join(root, 'package.json'));
    const { chromium } = require('@playwright/test');
    const executable = chromium.executablePath();
    return executable && existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

function onPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, command)));
}

/** Resolves to { path, source } or { path: null } when no Chromium can be had. */
export async function ensureChromium(root) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { path: fromEnv, source: 'CHROMIUM_PATH' };
    warn(`CHROMIUM_PATH=${fromEnv} does not exist; looking elsewhere`);
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system package' };
  const bundled = playwrightChromium(root);
  if (bundled) return { path: bundled, source: "Playwright's browser" };

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform === 'linux' && isRoot && onPath('apt-get')) {
    info('no Chromium found: installing Debian package "chromium" (about 20 s)');
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    const update = await run('apt-get', ['update'], { env });
    if (update.code !== 0) warn('apt-get update failed; trying the install anyway');
    await run('apt-get', ['install', '-y', 'chromium'], { env });
    if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'installed with apt-get' };
  }
  return { path: null, source: null };
}
