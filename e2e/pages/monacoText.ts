import { expect, type Locator, type Page } from '@playwright/test';

/** Select-all and type in a Monaco editor inside `scope` whose text area is `textbox`. */
export async function replaceEditorText(page: Page, scope: Locator, textbox: Locator, text: string): Promise<void> {
  await scope.getByRole('code').click();
  await expect(textbox).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}
