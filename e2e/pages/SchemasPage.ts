import { expect, type Locator, type Page } from '@playwright/test';
import { replaceEditorText } from './monacoText';

/** The "Event schemas" dialog the toolbar's Schemas button opens. */
export class SchemasPage {
  readonly panel: Locator;

  constructor(
    readonly page: Page,
    private readonly toolbar: Locator,
  ) {
    this.panel = page.getByRole('dialog', { name: 'Event schemas' });
  }

  async open(): Promise<void> {
    await this.toolbar.getByRole('button', { name: 'Schemas', exact: true }).click();
    await expect(this.panel).toBeVisible();
  }

  async close(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Close schemas' }).click();
    await expect(this.panel).toBeHidden();
  }

  /** Chooses an event type in the panel's list ("UserRegistered v1", "OrderPlaced no schema"). */
  async chooseEventType(eventType: string): Promise<void> {
    await this.panel
      .getByRole('navigation', { name: 'Event types' })
      .getByRole('button', { name: new RegExp(`^${eventType} `) })
      .click();
    await expect(this.panel.getByRole('heading', { name: eventType, exact: true, level: 3 })).toBeVisible();
  }

  /** The Monaco editor of the schema being written, once loaded. */
  async schemaEditor(): Promise<Locator> {
    const editor = this.panel.getByRole('group', { name: 'Schema editor' });
    await expect(editor.getByRole('code')).toBeVisible({ timeout: 15_000 });
    return editor;
  }

  /** Types a schema (JSON) over the one being written. */
  async typeSchema(schema: unknown): Promise<void> {
    const editor = await this.schemaEditor();
    await replaceEditorText(
      this.page,
      editor,
      editor.getByRole('textbox', { name: /^Schema of / }),
      JSON.stringify(schema),
    );
  }

  /** Presses "Add upcaster" and types its code. */
  async typeUpcaster(code: string): Promise<void> {
    await this.panel.getByRole('button', { name: 'Add upcaster' }).click();
    const editor = this.panel.getByRole('group', { name: 'Upcaster editor' });
    await expect(editor.getByRole('code')).toBeVisible({ timeout: 15_000 });
    await replaceEditorText(this.page, editor, editor.getByRole('textbox', { name: /^Upcaster of / }), code);
  }

  async saveSchema(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Save schema' }).click();
  }

  /** The saved schema of a version as the panel lists it (its JSON parsed). */
  async savedSchema(eventType: string, version: number): Promise<unknown> {
    const item = this.panel
      .getByRole('list', { name: `Versions of ${eventType}` })
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^v${version}\\b`) });
    // A <summary> has no ARIA role to find it by.
    await item.locator('summary').click();
    return JSON.parse(
      (await item.getByLabel(`Schema of ${eventType} v${version}`, { exact: true }).textContent()) ?? 'null',
    ) as unknown;
  }
}
