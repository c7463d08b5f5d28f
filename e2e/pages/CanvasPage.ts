import { expect, type Locator, type Page } from '@playwright/test';
import type { CounterName, NodeKindName } from './AppPage';
import { NODE_KINDS } from '../../src/flow';

/** The React Flow pane: node cards, their counters, the edges. */
export class CanvasPage {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    private readonly inspector: Locator,
  ) {
    this.root = page.getByRole('main').getByRole('application');
  }

  nodeCard(kind: NodeKindName, name: string): Locator {
    return this.root.getByRole('group', { name: `${kind} ${name}`, exact: true });
  }

  /** Every node card on the canvas. */
  get nodeCards(): Locator {
    return this.root.getByRole('group', { name: new RegExp(`^(${NODE_KINDS.join('|')}) `) });
  }

  edge(from: string, to: string): Locator {
    return this.root.getByRole('group', { name: `Connection from ${from} to ${to}`, exact: true });
  }

  /** The number a node card shows beside a counter's name ("published 12"), read from its term/definition pairs. */
  async counter(card: Locator, name: CounterName): Promise<number> {
    const terms = await card.getByRole('term').allTextContents();
    const values = await card.getByRole('definition').allTextContents();
    const index = terms.findIndex((term) => term.trim() === name);
    const value = values[index];
    if (index < 0 || value === undefined)
      throw new Error(`no "${name}" counter on the card (it shows ${terms.join(', ')})`);
    return Number(value.replaceAll(',', ''));
  }

  /** The text a card shows beside a term, e.g. "partitions" → "p0, p1", "lag" → "3", "group" → "billing". */
  async cardValue(card: Locator, term: string): Promise<string | null> {
    const terms = await card.getByRole('term').allTextContents();
    const values = await card.getByRole('definition').allTextContents();
    const index = terms.findIndex((t) => t.trim() === term);
    return index < 0 ? null : (values[index]?.trim() ?? null);
  }

  /** The partitions a consumer's card says it owns (["p0", "p1"], a range "p0–p2" read out); [] when idle or not a member. */
  async assignedPartitions(card: Locator): Promise<string[]> {
    const text = await this.cardValue(card, 'partitions');
    if (text === null || !/^p\d/.test(text)) return [];
    return text.split(', ').flatMap((part) => {
      const range = /^p(\d+)–p(\d+)$/.exec(part);
      if (!range) return [part];
      const [from, to] = [Number(range[1]), Number(range[2])];
      return Array.from({ length: to - from + 1 }, (_, i) => `p${from + i}`);
    });
  }

  /** The counts drawn on the edges ("records carried"), in document order. */
  async edgeCounts(): Promise<number[]> {
    const labels = await this.root.getByTitle(/records carried$/).allTextContents();
    return labels.map((t) => Number(t.replaceAll(',', '')));
  }

  /** Clicks a node's card and waits until the inspector shows it. */
  async selectNode(kind: NodeKindName, name: string): Promise<void> {
    await this.nodeCard(kind, name).click();
    await expect(this.inspector.getByRole('heading', { name, exact: true, level: 2 })).toBeVisible();
  }
}
