import type { Locator, Page } from '@playwright/test';

/** Whether this tab saves, and the browser storage it is given. */
export class StoragePage {
  /** Shown while this tab runs without saving (another tab saves, or the browser has no storage). */
  readonly notSaving: Locator;

  constructor(
    readonly page: Page,
    toolbar: Locator,
  ) {
    this.notSaving = toolbar.getByRole('status').filter({ hasText: 'Not saving' });
  }

  /** Gives `origin` only `bytes` of browser storage from now on, as a nearly full disk would (Chromium's DevTools protocol). */
  async limitStorage(origin: string, bytes: number): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
  }
}
