import { expect, type Locator, type Page } from '@playwright/test';

/** Restricted mode and the questions asked before acting: trust this flow's code, replace stored work. */
export class TrustPage {
  constructor(
    readonly page: Page,
    private readonly toolbar: Locator,
  ) {}

  /** Shown while the open flow's code is not trusted. */
  get restrictedBanner(): Locator {
    return this.page.getByRole('region', { name: 'Restricted mode' });
  }

  get trustDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Trust “.*”\?$/ });
  }

  get replaceDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Replace “.*”\?$/ });
  }

  /** Trusts the open flow from the toolbar and waits until the worker says it is trusted. */
  async trustFlow(): Promise<void> {
    await this.toolbar.getByRole('button', { name: 'Restricted mode' }).click();
    await this.trustDialog.getByRole('button', { name: 'Trust', exact: true }).click();
    await expect(this.toolbar.getByText('Trusted', { exact: true })).toBeVisible();
    await expect(this.restrictedBanner).toHaveCount(0);
  }

  /** Answers the question asked before a flow replaces stored work. */
  async answerReplace(answer: 'Replace it' | 'Keep'): Promise<void> {
    await expect(this.replaceDialog).toBeVisible();
    await this.replaceDialog.getByRole('button', { name: answer === 'Keep' ? /^Keep “/ : 'Replace it' }).click();
    await expect(this.replaceDialog).toHaveCount(0);
  }
}
