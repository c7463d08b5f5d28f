import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { NODE_KINDS, type NodeKind } from '../../src/flow/nodeKind';

export type NodeKindName = NodeKind;
export type CounterName =
  | 'published'
  | 'delivered'
  | 'handled'
  | 'failed'
  | 'received'
  | 'routed'
  | 'unroutable'
  | 'enqueued'
  | 'acked'
  | 'dead'
  | 'dropped'
  | 'ready'
  | 'unacked'
  | 'sent'
  | 'accepted'
  | 'events'
  | 'refused';
export type SpeedName = '1×' | '10×' | '100×' | 'max';

/** One log row as a person reads it. */
export interface LogLine {
  readonly step: number;
  readonly node: string;
  readonly what: string;
}

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
  /** Shown while this tab runs without saving (another tab saves, or the browser has no storage). */
  readonly notSaving: Locator;

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
    this.notSaving = this.toolbar.getByRole('status').filter({ hasText: 'Not saving' });
  }

  // ---- opening ----

  /** Opens the app (a first visit opens the Orders example) and waits until its flow is on the canvas. */
  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
    await this.waitReady();
  }

  /** Serves e2e/fixtures/<name> at /e2e-fixtures/<name> (same origin, as the app requires) and returns its path. */
  async serveFixture(name: string): Promise<string> {
    return this.serveFlowText(name, readFixture(name));
  }

  /** Serves a flow's text, made by the test, at /e2e-fixtures/<name> and returns its path. */
  async serveFlowText(name: string, body: string): Promise<string> {
    const url = `/e2e-fixtures/${name}`;
    await this.page.route(`**${url}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    return url;
  }

  /** Opens a flow's text by link (/?flow=…) without waiting for it to be shown: it may be refused. */
  async gotoFlowLink(name: string, body: string): Promise<void> {
    const link = await this.serveFlowText(name, body);
    await this.goto(`/?flow=${encodeURIComponent(link)}`);
  }

  /** Chooses a file in the toolbar's "Open flow file". */
  async openFlowFile(name: string, text: string): Promise<void> {
    await this.toolbar.getByLabel('Open flow file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** Opens a fixture flow by link: /?flow=/e2e-fixtures/<name>. */
  async gotoFixture(name: string): Promise<void> {
    const link = await this.serveFixture(name);
    await this.goto(`/?flow=${encodeURIComponent(link)}`);
  }

  /** Opens a fixture flow by link and trusts its code, as a person does before running someone else's flow. */
  async gotoTrustedFixture(name: string): Promise<void> {
    await this.gotoFixture(name);
    await this.trustFlow();
  }

  // ---- trust ----

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

  async waitReady(): Promise<void> {
    await expect(this.statusText).toBeVisible();
    await expect(this.playButton.or(this.pauseButton)).toBeEnabled();
    await expect(this.nodeCards.first()).toBeVisible();
  }

  /** Opens a bundled example by link (/?example=<name>) and waits until its flow is shown. */
  async gotoExample(name: string, title: string): Promise<void> {
    await this.goto(`/?example=${encodeURIComponent(name)}`);
    await expect(this.flowName).toHaveText(title);
  }

  /** Opens a bundled example over a stored run, choosing to replace it when asked. */
  async gotoExampleReplacing(name: string, title: string): Promise<void> {
    await this.goto(`/?example=${encodeURIComponent(name)}`);
    await this.answerReplace('Replace it');
    await expect(this.flowName).toHaveText(title);
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitReady();
  }

  /** Gives `origin` only `bytes` of browser storage from now on, as a nearly full disk would (Chromium's DevTools protocol). */
  async limitStorage(origin: string, bytes: number): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
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
    return this.canvas.getByRole('group', { name: new RegExp(`^(${NODE_KINDS.join('|')}) `) });
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

  /** A table in the inspector, by its accessible name ("Partitions", "Consumer groups"). */
  inspectorTable(name: string): Locator {
    return this.inspector.getByRole('table', { name, exact: true });
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
    await this.selectNode('consumer', name);
    await this.inspector.getByRole('button', { name: `${action} consumer`, exact: true }).click();
    await expect(this.inspector.getByRole('status').filter({ hasText: action === 'Crash' ? /^Crashed as step/ : /^Restarted as step/ })).toBeVisible();
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

  /** Types data into the selected command source's "Send by hand" form and presses its Send button. */
  async sendCommandByHand(json: string): Promise<void> {
    await this.inspector.getByLabel('Command data (JSON)').fill(json);
    await this.inspector.getByRole('button', { name: /^Send / }).click();
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
    await this.typeHandlerCode(code);
    await this.page.getByRole('region', { name: 'Handler code' }).getByRole('button', { name: 'Apply code' }).click();
  }

  /** Types over the open handler's code without applying it. */
  async typeHandlerCode(code: string): Promise<void> {
    const editor = this.page.getByRole('region', { name: 'Handler code' });
    await this.replaceEditorText(editor, editor.getByRole('textbox', { name: 'Handler source' }), code);
  }

  /** Rests the pointer on a word of the open handler's code and returns the hover that opens. */
  async hoverHandlerCode(word: string): Promise<Locator> {
    const code = this.page.getByRole('region', { name: 'Handler code' }).getByRole('code');
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
    return this.page.getByRole('region', { name: 'Handler code' }).getByRole('status', { name: 'Problems in the handler' });
  }

  /** Select-all and type in a Monaco editor inside `scope` whose text area is `textbox`. */
  private async replaceEditorText(scope: Locator, textbox: Locator, text: string): Promise<void> {
    await scope.getByRole('code').click();
    await expect(textbox).toBeFocused();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  // ---- schemas ----

  get schemasPanel(): Locator {
    return this.page.getByRole('dialog', { name: 'Event schemas' });
  }

  async openSchemas(): Promise<void> {
    await this.toolbar.getByRole('button', { name: 'Schemas', exact: true }).click();
    await expect(this.schemasPanel).toBeVisible();
  }

  async closeSchemas(): Promise<void> {
    await this.schemasPanel.getByRole('button', { name: 'Close schemas' }).click();
    await expect(this.schemasPanel).toBeHidden();
  }

  /** Chooses an event type in the panel's list ("UserRegistered v1", "OrderPlaced no schema"). */
  async chooseEventType(eventType: string): Promise<void> {
    await this.schemasPanel.getByRole('navigation', { name: 'Event types' }).getByRole('button', { name: new RegExp(`^${eventType} `) }).click();
    await expect(this.schemasPanel.getByRole('heading', { name: eventType, exact: true, level: 3 })).toBeVisible();
  }

  /** The Monaco editor of the schema being written, once loaded. */
  async schemaEditor(): Promise<Locator> {
    const editor = this.schemasPanel.getByRole('group', { name: 'Schema editor' });
    await expect(editor.getByRole('code')).toBeVisible({ timeout: 15_000 });
    return editor;
  }

  /** Types a schema (JSON) over the one being written. */
  async typeSchema(schema: unknown): Promise<void> {
    const editor = await this.schemaEditor();
    await this.replaceEditorText(editor, editor.getByRole('textbox', { name: /^Schema of / }), JSON.stringify(schema));
  }

  /** Presses "Add upcaster" and types its code. */
  async typeUpcaster(code: string): Promise<void> {
    await this.schemasPanel.getByRole('button', { name: 'Add upcaster' }).click();
    const editor = this.schemasPanel.getByRole('group', { name: 'Upcaster editor' });
    await expect(editor.getByRole('code')).toBeVisible({ timeout: 15_000 });
    await this.replaceEditorText(editor, editor.getByRole('textbox', { name: /^Upcaster of / }), code);
  }

  async saveSchema(): Promise<void> {
    await this.schemasPanel.getByRole('button', { name: 'Save schema' }).click();
  }

  /** The saved schema of a version as the panel lists it (its JSON parsed). */
  async savedSchema(eventType: string, version: number): Promise<unknown> {
    const item = this.schemasPanel.getByRole('list', { name: `Versions of ${eventType}` }).getByRole('listitem').filter({ hasText: new RegExp(`^v${version}\\b`) });
    // A <summary> has no ARIA role to find it by.
    await item.locator('summary').click();
    return JSON.parse((await item.getByLabel(`Schema of ${eventType} v${version}`, { exact: true }).textContent()) ?? 'null') as unknown;
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

  // ---- debugger: markers, bookmarks, go to ----

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
    const names = await this.markers(kind).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
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
  get timelineStatus(): Locator {
    return this.page.locator('.timeline-tools').getByRole('status').filter({ hasText: /step|Select a node/ });
  }

  // ---- debugger: compare steps ----

  get compareSteps(): Locator {
    return this.inspector.getByRole('region', { name: 'Compare steps' });
  }

  /** The rows of the "State changes" table: [path, change, before, after]. */
  async stateChanges(): Promise<string[][]> {
    const table = this.compareSteps.getByRole('table', { name: 'State changes' });
    return (await table.isVisible()) ? this.tableRows(table) : [];
  }

  // ---- debugger: branches, export, import ----

  deleteBranchButton(name: string): Locator {
    return this.toolbar.getByRole('button', { name: `Delete branch ${name}`, exact: true });
  }

  async fork(name: string): Promise<void> {
    await this.toolbar.getByRole('button', { name: 'Fork from here' }).click();
    await this.toolbar.getByLabel('Branch name').fill(name);
    await this.toolbar.getByRole('button', { name: 'Create branch' }).click();
    await expect(this.branchSelect.getByRole('option', { selected: true })).toHaveText(name);
  }

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

  /** Reads the whole log by scrolling it from top to bottom, a page at a time (it renders only the rows near the view). */
  /** The rows drawn at the end of the log (its last screenful), without reading the whole log. */
  async readLogTail(): Promise<LogLine[]> {
    await this.logScroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight, behavior: 'instant' }));
    await expect(this.logRows().filter({ hasText: 'Loading…' })).toHaveCount(0);
    const page = await this.logRows().evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('[role="cell"]')].map((cell) => cell.textContent ?? '')));
    return page.flatMap((cells) => (cells[0] !== '' && Number.isInteger(Number(cells[0])) ? [{ step: Number(cells[0]), node: cells[2] ?? '', what: cells[3] ?? '' }] : []));
  }

  async readLog(): Promise<LogLine[]> {
    const lines = new Map<number, LogLine>();
    const last = (await this.logRowCount()) - 2;
    await this.logScroller.evaluate((el) => el.scrollTo({ top: 0, behavior: 'instant' }));
    let next = 0;
    const scroller = await this.logScroller.elementHandle();
    while (next <= last) {
      // The next unread row is drawn once the scroll has been handled, and reads "Loading…" until its block arrives.
      // Checked every animation frame: expect's back-off would make reading a long log take minutes.
      await this.page.waitForFunction(
        ({ el, step }) => {
          const rows = [...(el?.querySelectorAll('[role="row"]') ?? [])];
          return rows.some((row) => row.querySelector('[role="cell"]')?.textContent === String(step)) && !rows.some((row) => row.textContent?.includes('Loading…'));
        },
        { el: scroller, step: next },
        { polling: 'raf' },
      );
      // One round trip per page: the cells of every rendered row.
      const page = await this.logRows().evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('[role="cell"]')].map((cell) => cell.textContent ?? '')));
      for (const cells of page) {
        const step = Number(cells[0]);
        if (cells[0] !== '' && Number.isInteger(step)) lines.set(step, { step, node: cells[2] ?? '', what: cells[3] ?? '' });
      }
      while (lines.has(next)) next++;
      // A page down, without the keyboard's smooth-scroll animation.
      if (next <= last) await this.logScroller.evaluate((el) => el.scrollBy({ top: el.clientHeight, behavior: 'instant' }));
    }
    return [...lines.values()].sort((a, b) => a.step - b.step);
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
