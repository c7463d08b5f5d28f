import type { Locator, Page } from '@playwright/test';
import type { NodeKindName } from './AppPage';

/** The palette of node kinds: a click adds a node near the centre, a drag drops it where it lands. */
export class PalettePage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('complementary', { name: 'Palette' });
  }

  /** The palette's "Add <kind>" item. */
  addButton(kind: NodeKindName): Locator {
    return this.root.getByRole('button', { name: `Add ${kind}`, exact: true });
  }
}
