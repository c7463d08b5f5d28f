import { expect, type Locator, type Page } from '@playwright/test';
import type { CanvasPage } from './CanvasPage';

/** The inspector beside the canvas: the selected node's fields, tables, state and by-hand forms. */
export class InspectorPage {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    private readonly canvas: CanvasPage,
  ) {
    this.root = page.getByRole('complementary', { name: 'Inspector' });
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  /** A table in the inspector, by its accessible name ("Partitions", "Consumer groups"). */
  table(name: string): Locator {
    return this.root.getByRole('table', { name, exact: true });
  }

  /** The body rows of a table (those with data cells), each as its cell texts, the row header first. */
  async tableRows(table: Locator): Promise<string[][]> {
    const rows = table.getByRole('row').filter({ has: this.page.getByRole('cell') });
    const texts: string[][] = [];
    for (const row of await rows.all()) {
      const header = await row.getByRole('rowheader').allTextContents();
      const cells = await row.getByRole('cell').allTextContents();
      texts.push([...header, ...cells].map((t) => t.trim()));
    }
    return texts;
  }

  /** Selects a consumer and presses "Crash consumer" or "Restart consumer" in its panel. */
  async controlConsumer(name: string, action: 'Crash' | 'Restart'): Promise<void> {
    await this.canvas.selectNode('consumer', name);
    await this.root.getByRole('button', { name: `${action} consumer`, exact: true }).click();
    await expect(
      this.root.getByRole('status').filter({ hasText: action === 'Crash' ? /^Crashed as step/ : /^Restarted as step/ }),
    ).toBeVisible();
  }

  /** The selected subscriber's "Read model" or "State" as shown in the inspector. */
  stateView(label: 'Read model' | 'State'): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  async readModel(): Promise<Record<string, { orders: number; spent: number; lastOrderId: string | null }>> {
    return JSON.parse((await this.stateView('Read model').textContent()) ?? '{}') as Record<
      string,
      { orders: number; spent: number; lastOrderId: string | null }
    >;
  }

  /** Types a payload into the selected producer's "Publish by hand" form and publishes it. */
  async publishByHand(json: string): Promise<void> {
    await this.root.getByLabel('Event payload (JSON)').fill(json);
    await this.root.getByRole('button', { name: 'Publish event' }).click();
  }

  /** Types data into the selected command source's "Send by hand" form and presses its Send button. */
  async sendCommandByHand(json: string): Promise<void> {
    await this.root.getByLabel('Command data (JSON)').fill(json);
    await this.root.getByRole('button', { name: /^Send / }).click();
  }

  // ---- debugger: compare steps ----

  get compareSteps(): Locator {
    return this.root.getByRole('region', { name: 'Compare steps' });
  }

  /** The rows of the "State changes" table: [path, change, before, after]. */
  async stateChanges(): Promise<string[][]> {
    const table = this.compareSteps.getByRole('table', { name: 'State changes' });
    return (await table.isVisible()) ? this.tableRows(table) : [];
  }
}
