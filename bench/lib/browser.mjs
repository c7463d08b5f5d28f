import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { ensureChromium, INSTALL_HINT } from '../../scripts/lib/chromium.mjs';
import { onStderr } from './stdout.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
// without the networking flags Chromium floods the closed network with refused connections
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The e2e tests' Chromium: CHROMIUM_PATH, Debian's package, Playwright's own, or Debian's installed now. */
export async function launchChromium() {
  const found = await onStderr(() => ensureChromium(root));
  if (!found.path) throw new Error(INSTALL_HINT);
  const browser = await chromium.launch({ executablePath: found.path, args: ARGS });
  return { browser, version: browser.version() };
}
