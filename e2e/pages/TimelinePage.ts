import { expect, type Locator, type Page } from '@playwright/test';

/** The timeline under the canvas: the slider, its markers, Go to, bookmarks and Import events. */
export class TimelinePage {
  readonly slider: Locator;

  constructor(readonly page: Page) {
    this.slider = page.getByRole('slider', { name: 'Timeline' });
  }

  /** Moves the timeline with the keyboard: Home, then ArrowRight once per step. */
  async seek(step: number): Promise<void> {
    await this.slider.focus();
    await this.slider.press('Home');
    for (let i = 0; i < step; i++) await this.slider.press('ArrowRight');
    await expect(this.slider).toHaveValue(String(step));
  }

  async seekToEnd(): Promise<void> {
    await this.slider.focus();
    await this.slider.press('End');
  }

  // ---- markers, bookmarks, go to ----

  /** The markers under the timeline (errors, rebalances, bookmarks), each a button that seeks there. */
  get markerRail(): Locator {
    return this.page.getByRole('toolbar', { name: 'Timeline markers' });
  }

  /** Markers of a kind, by the start of their names ("Error at step 12", "Rebalance at step 230", "Bookmark …"). */
  markers(kind: 'Error' | 'Rebalance' | 'Bookmark'): Locator {
    return this.markerRail.getByRole('button', { name: new RegExp(`^${kind} `) });
  }

  /** The log steps the markers of a kind name, in timeline order. */
  async markerSteps(kind: 'Error' | 'Rebalance' | 'Bookmark'): Promise<number[]> {
    const names = await this.markers(kind).evaluateAll((buttons) =>
      buttons.map((b) => b.getAttribute('aria-label') ?? ''),
    );
    return names.map((name) => Number(/at step (\d+)$/.exec(name)?.[1]));
  }

  /** The marker counts under the timeline ("3 errors", "1 rebalance"). */
  get markerCounts(): Locator {
    return this.page.getByRole('list', { name: 'Marker counts' });
  }

  get gotoForm(): Locator {
    return this.page.getByRole('search', { name: 'Go to' });
  }

  /** Types into "Go to" and presses Go. */
  async goTo(text: string): Promise<void> {
    await this.gotoForm.getByRole('textbox', { name: 'Go to' }).fill(text);
    await this.gotoForm.getByRole('button', { name: 'Go', exact: true }).click();
  }

  /** "Bookmark this step" with an optional label. */
  async addBookmark(label = ''): Promise<void> {
    await this.page.getByRole('button', { name: 'Bookmark this step' }).click();
    await this.page.getByLabel('Bookmark label (optional)').fill(label);
    await this.page.getByRole('button', { name: /^Add bookmark at step \d+$/ }).click();
  }

  /** Opens the "Bookmarks (n)" list and returns it. */
  async openBookmarks(): Promise<Locator> {
    const list = this.page.getByRole('list', { name: 'Bookmarks' });
    if (!(await list.isVisible())) await this.page.getByRole('button', { name: /^Bookmarks \(\d+\)$/ }).click();
    return list;
  }

  /** The status line under the timeline (what Alt+← / Alt+→ found). */
  get status(): Locator {
    return this.page
      .locator('.timeline-tools')
      .getByRole('status')
      .filter({ hasText: /step|Select a node/ });
  }

  // ---- import ----

  get importDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import events' });
  }

  /** Presses "Import events…" and picks a file in the chooser that opens. */
  async chooseEventsFile(name: string, text: string): Promise<void> {
    const choosing = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import events…' }).click();
    const chooser = await choosing;
    await chooser.setFiles({ name, mimeType: 'application/x-ndjson', buffer: Buffer.from(text) });
    await expect(this.importDialog).toBeVisible();
  }
}
