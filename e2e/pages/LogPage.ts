import { expect, type Locator, type Page } from '@playwright/test';
import type { LogLine } from './AppPage';

/** The "Event log" region: a virtualized table of steps that renders only the rows near the view. */
export class LogPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Event log' });
  }

  /** The rows of the log the page has rendered (the header row excluded). */
  rows(): Locator {
    return this.root.getByRole('rowgroup').getByRole('row');
  }

  /** The log row of a step, found by its "Step" cell. */
  row(step: number): Locator {
    return this.rows().filter({ has: this.page.getByRole('cell', { name: String(step), exact: true }) });
  }

  /** The "Step" cell of a log row. */
  stepCell(row: Locator): Locator {
    return row.getByRole('cell').first();
  }

  /** The row of the last executed step, which the log marks as current. */
  currentRow(): Locator {
    return this.rows().and(this.page.locator('[aria-current="true"]'));
  }

  /** How many rows the log table says it has (header included), from aria-rowcount. */
  async rowCount(): Promise<number> {
    return Number(await this.root.getByRole('table', { name: 'Steps' }).getAttribute('aria-rowcount'));
  }

  /** The scrollable body of the log. */
  get scroller(): Locator {
    return this.root.getByRole('rowgroup');
  }

  /** The rows drawn at the end of the log (its last screenful), without reading the whole log. */
  async readTail(): Promise<LogLine[]> {
    await this.scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight, behavior: 'instant' }));
    await expect(this.rows().filter({ hasText: 'Loading…' })).toHaveCount(0);
    const page = await this.rows().evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('[role="cell"]')].map((cell) => cell.textContent ?? '')),
    );
    return page.flatMap((cells) =>
      cells[0] !== '' && Number.isInteger(Number(cells[0]))
        ? [{ step: Number(cells[0]), node: cells[2] ?? '', what: cells[3] ?? '' }]
        : [],
    );
  }

  /** Reads the whole log by scrolling it from top to bottom, a page at a time (it renders only the rows near the view). */
  async read(): Promise<LogLine[]> {
    const lines = new Map<number, LogLine>();
    const last = (await this.rowCount()) - 2;
    await this.scroller.evaluate((el) => el.scrollTo({ top: 0, behavior: 'instant' }));
    let next = 0;
    const scroller = await this.scroller.elementHandle();
    while (next <= last) {
      // The next unread row is drawn once the scroll has been handled, and reads "Loading…" until its block arrives.
      // Checked every animation frame: expect's back-off would make reading a long log take minutes.
      await this.page.waitForFunction(
        ({ el, step }) => {
          const rows = [...(el?.querySelectorAll('[role="row"]') ?? [])];
          return (
            rows.some((row) => row.querySelector('[role="cell"]')?.textContent === String(step)) &&
            !rows.some((row) => row.textContent?.includes('Loading…'))
          );
        },
        { el: scroller, step: next },
        { polling: 'raf' },
      );
      // One round trip per page: the cells of every rendered row.
      const page = await this.rows().evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('[role="cell"]')].map((cell) => cell.textContent ?? '')),
      );
      for (const cells of page) {
        const step = Number(cells[0]);
        if (cells[0] !== '' && Number.isInteger(step))
          lines.set(step, { step, node: cells[2] ?? '', what: cells[3] ?? '' });
      }
      while (lines.has(next)) next++;
      // A page down, without the keyboard's smooth-scroll animation.
      if (next <= last)
        await this.scroller.evaluate((el) => el.scrollBy({ top: el.clientHeight, behavior: 'instant' }));
    }
    return [...lines.values()].sort((a, b) => a.step - b.step);
  }
}
