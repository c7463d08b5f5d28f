import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export type NodeKindName = 'producer' | 'topic' | 'consumer' | 'projection';
export type CounterName = 'published' | 'delivered' | 'handled' | 'failed';
export type SpeedName = '1×' | '10×' | '100×' | 'max';

export interface RunStatus {
  readonly cursor: number;
  readonly head: number;
  readonly text: string;
}

const STATUS_PATTERN = /^Step (\d+) of (\d+) · t = /;

/** The whole Tidemark window, seen through what a person can read and operate. */
export class AppPage {
  readonly toolbar: Locator;
  readonly palette: Locator;
  readonly inspector: Locator;
  readonly timeline: Locator;
  readonly eventLog: Locator;
  readonly alerts: Locator;
  readonly playButton: Locator;
  readonly pauseButton: Locator;
  readonly stepButton: Locator;
  readonly statusText: Locator;
  readonly branchSelect: Locator;
  readonly flowName: Locator;

  constructor(readonly page: Page) {
    this.toolbar = page.getByRole('toolbar', { name: 'Run controls' });
    this.palette = page.getByRole('complementary', { name: 'Palette' });
    this.inspector = page.getByRole('complementary', { name: 'Inspector' });
    this.timeline = page.getByRole('slider', { name: 'Timeline' });
    this.eventLog = page.getByRole('region', { name: 'Event log' });
    this.alerts = page.getByRole('alert');
    this.playButton = this.toolbar.getByRole('button', { name: 'Play', exact: true });
    this.pauseButton = this.toolbar.getByRole('button', { name: 'Pause', exact: true });
    this.stepButton = this.toolbar.getByRole('button', { name: 'Step', exact: true });
    this.statusText = this.toolbar.getByText(STATUS_PATTERN);
    this.branchSelect = this.toolbar.getByRole('combobox', { name: 'Branch' });
    this.flowName = this.toolbar.getByTitle('Flow name');
  }

  // ---- opening ----

  /** Opens the app (a first visit opens the Orders example) and waits until its flow is on the canvas. */
  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
    await this.waitReady();
  }

  /** Serves e2e/fixtures/<name> at /e2e-fixtures/<name> (same origin, as the app requires) and returns its path. */
  async serveFixture(name: string): Promise<string> {
    const url = `/e2e-fixtures/${name}`;
    const body = readFixture(name);
    await this.page.route(`**${url}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    return url;
  }

  /** Opens a fixture flow by link: /?flow=/e2e-fixtures/<name>. */
  async gotoFixture(name: string): Promise<void> {
    const link = await this.serveFixture(name);
    await this.goto(`/?flow=${encodeURIComponent(link)}`);
  }

  async waitReady(): Promise<void> {
    await expect(this.statusText).toBeVisible();
    await expect(this.playButton.or(this.pauseButton)).toBeEnabled();
    await expect(this.nodeCards.first()).toBeVisible();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitReady();
  }

  // ---- run controls ----

  async setSpeed(speed: SpeedName): Promise<void> {
    const radio = this.toolbar.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: speed, exact: true });
    await radio.check();
    await expect(radio).toBeChecked();
  }

  async play(): Promise<void> {
    await this.playButton.click();
    await expect(this.pauseButton).toBeVisible();
  }

  async pause(): Promise<void> {
    await this.pauseButton.click();
    await expect(this.playButton).toBeVisible();
  }

  async step(): Promise<void> {
    await this.stepButton.click();
  }

  /** "Step X of Y · t = …" as numbers. */
  async status(): Promise<RunStatus> {
    const text = (await this.statusText.textContent()) ?? '';
    const match = STATUS_PATTERN.exec(text);
    if (!match) throw new Error(`unexpected status text: ${text}`);
    return { cursor: Number(match[1]), head: Number(match[2]), text };
  }

  /** Waits until the run has recorded at least `steps` steps. */
  async waitForHead(steps: number, timeout = 20_000): Promise<RunStatus> {
    await expect.poll(async () => (await this.status()).head, { timeout }).toBeGreaterThanOrEqual(steps);
    return this.status();
  }

  /** Pauses and waits until the status has settled (the worker may finish a slice after the click). */
  async pauseAndSettle(): Promise<RunStatus> {
    await this.pause();
    let last = '';
    await expect
      .poll(async () => {
        const now = (await this.status()).text;
        const same = now === last;
        last = now;
        return same;
      }, { intervals: [300] })
      .toBe(true);
    return this.status();
  }

  // ---- canvas ----

  /** The React Flow pane. */
  get canvas(): Locator {
    return this.page.getByRole('main').getByRole('application');
  }

  nodeCard(kind: NodeKindName, name: string): Locator {
    return this.canvas.getByRole('group', { name: `${kind} ${name}`, exact: true });
  }

  /** Every node card on the canvas. */
  get nodeCards(): Locator {
    return this.canvas.getByRole('group', { name: /^(producer|topic|consumer|projection) / });
  }

  edge(from: string, to: string): Locator {
    return this.canvas.getByRole('group', { name: `Connection from ${from} to ${to}`, exact: true });
  }

  /** The number a node card shows beside a counter's name ("published 12"), read from its term/definition pairs. */
  async counter(card: Locator, name: CounterName): Promise<number> {
    const terms = await card.getByRole('term').allTextContents();
    const values = await card.getByRole('definition').allTextContents();
    const index = terms.findIndex((term) => term.trim() === name);
    const value = values[index];
    if (index < 0 || value === undefined) throw new Error(`no "${name}" counter on the card (it shows ${terms.join(', ')})`);
    return Number(value.replaceAll(',', ''));
  }

  /** The counts drawn on the edges ("records carried"), in document order. */
  async edgeCounts(): Promise<number[]> {
    const labels = await this.canvas.getByTitle(/records carried$/).allTextContents();
    return labels.map((t) => Number(t.replaceAll(',', '')));
  }

  async selectNode(kind: NodeKindName, name: string): Promise<void> {
    await this.nodeCard(kind, name).click();
    await expect(this.inspector.getByRole('heading', { name, exact: true, level: 2 })).toBeVisible();
  }

  // ---- inspector ----

  field(label: string): Locator {
    return this.inspector.getByLabel(label, { exact: true });
  }

  /** The selected subscriber's "Read model" or "State" as shown in the inspector. */
  stateView(label: 'Read model' | 'State'): Locator {
    return this.inspector.getByLabel(label, { exact: true });
  }

  async readModel(): Promise<Record<string, { orders: number; spent: number; lastOrderId: string | null }>> {
    return JSON.parse((await this.stateView('Read model').textContent()) ?? '{}') as Record<
      string,
      { orders: number; spent: number; lastOrderId: string | null }
    >;
  }

  /** Types a payload into the selected producer's "Publish by hand" form and publishes it. */
  async publishByHand(json: string): Promise<void> {
    await this.inspector.getByLabel('Event payload (JSON)').fill(json);
    await this.inspector.getByRole('button', { name: 'Publish event' }).click();
  }

  /** Selects a subscriber and opens its handler in the code editor; returns the editor region. */
  async openHandlerCode(kind: NodeKindName, name: string): Promise<Locator> {
    await this.selectNode(kind, name);
    await this.inspector.getByRole('button', { name: 'Edit handler code' }).click();
    const editor = this.page.getByRole('region', { name: 'Handler code' });
    // Monaco keeps its input textarea out of sight; the visible part is the code view.
    await expect(editor.getByRole('code')).toBeVisible({ timeout: 15_000 });
    return editor;
  }

  /** Replaces the whole text of the open handler editor, as a person would with select-all and typing. */
  async replaceHandlerCode(code: string): Promise<void> {
    const editor = this.page.getByRole('region', { name: 'Handler code' });
    await editor.getByRole('code').click();
    await expect(editor.getByRole('textbox', { name: 'Handler source' })).toBeFocused();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(code);
    await editor.getByRole('button', { name: 'Apply code' }).click();
  }

  // ---- timeline ----

  /** Moves the timeline with the keyboard: Home, then ArrowRight once per step. */
  async seek(step: number): Promise<void> {
    await this.timeline.focus();
    await this.timeline.press('Home');
    for (let i = 0; i < step; i++) await this.timeline.press('ArrowRight');
    await expect(this.timeline).toHaveValue(String(step));
  }

  async seekToEnd(): Promise<void> {
    await this.timeline.focus();
    await this.timeline.press('End');
  }

  // ---- log ----

  /** The rows of the log the page has rendered (the header row excluded). */
  logRows(): Locator {
    return this.eventLog.getByRole('rowgroup').getByRole('row');
  }

  /** The log row of a step, found by its "Step" cell. */
  logRow(step: number): Locator {
    return this.logRows().filter({ has: this.page.getByRole('cell', { name: String(step), exact: true }) });
  }

  /** The "Step" cell of a log row. */
  stepCell(row: Locator): Locator {
    return row.getByRole('cell').first();
  }

  /** The row of the last executed step, which the log marks as current. */
  currentLogRow(): Locator {
    return this.logRows().and(this.page.locator('[aria-current="true"]'));
  }

  /** How many rows the log table says it has (header included), from aria-rowcount. */
  async logRowCount(): Promise<number> {
    return Number(await this.eventLog.getByRole('table', { name: 'Steps' }).getAttribute('aria-rowcount'));
  }

  /** The scrollable body of the log. */
  get logScroller(): Locator {
    return this.eventLog.getByRole('rowgroup');
  }
}

/** Every request URL of a browser context that does not stay on 127.0.0.1 (data: and blob: are local). */
export function collectForeignRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.context().on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).hostname !== '127.0.0.1') foreign.push(url);
  });
  return foreign;
}

/** The text of a file in e2e/fixtures. */
export function readFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}
