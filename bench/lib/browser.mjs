import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

// Same Chromium as the e2e tests: CHROMIUM_PATH, then Debian's package, then Playwright's own.
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
// without the networking flags Chromium floods the closed network with refused connections
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launchChromium() {
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ARGS });
  return { browser, version: browser.version() };
}
