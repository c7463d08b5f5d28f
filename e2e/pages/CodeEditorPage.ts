import { expect, type Locator, type Page } from '@playwright/test';
import type { NodeKindName } from './AppPage';
import type { CanvasPage } from './CanvasPage';
import type { InspectorPage } from './InspectorPage';
import { replaceEditorText } from './monacoText';

/** The "Handler code" editor (Monaco) a subscriber's inspector opens. */
export class CodeEditorPage {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    private readonly canvas: CanvasPage,
    private readonly inspector: InspectorPage,
  ) {
    this.root = page.getByRole('region', { name: 'Handler code' });
  }

  /** Selects a subscriber and opens its handler in the code editor; returns the editor region. */
  async openHandlerCode(kind: NodeKindName, name: string): Promise<Locator> {
    await this.canvas.selectNode(kind, name);
    await this.inspector.root.getByRole('button', { name: 'Edit handler code' }).click();
    // Monaco keeps its input textarea out of sight; the visible part is the code view.
    await expect(this.root.getByRole('code')).toBeVisible({ timeout: 15_000 });
    return this.root;
  }

  /** Replaces the whole text of the open handler editor, as a person would with select-all and typing. */
  async replaceHandlerCode(code: string): Promise<void> {
    await this.typeHandlerCode(code);
    await this.root.getByRole('button', { name: 'Apply code' }).click();
  }

  /** Types over the open handler's code without applying it. */
  async typeHandlerCode(code: string): Promise<void> {
    await replaceEditorText(this.page, this.root, this.root.getByRole('textbox', { name: 'Handler source' }), code);
  }

  /** Rests the pointer on a word of the open handler's code and returns the hover that opens. */
  async hoverHandlerCode(word: string): Promise<Locator> {
    const code = this.root.getByRole('code');
    // Monaco draws a line as a few spans: the word is found in their text and pointed at where it is drawn.
    const at = await code.evaluate((element, target) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = new RegExp(`\\b${target}\\b`).exec(node.textContent ?? '')?.index;
        if (index === undefined) continue;
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + target.length);
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
      return null;
    }, word);
    if (!at) throw new Error(`"${word}" is not in the handler code`);
    const hover = this.page.getByRole('tooltip').filter({ hasText: word });
    // A hover asked for before the TypeScript worker is ready shows nothing: point again until it does.
    await expect(async () => {
      await this.page.mouse.move(at.x, at.y + 40);
      await this.page.mouse.move(at.x, at.y);
      await expect(hover).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 20_000 });
    return hover;
  }

  /** The editor's own count of type and syntax errors with the first message ("1 problem in this code — line 2: …"). */
  get handlerProblems(): Locator {
    return this.root.getByRole('status', { name: 'Problems in the handler' });
  }
}
