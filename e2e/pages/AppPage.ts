import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import type { NodeKind } from '../../src/flow';
import { CanvasPage } from './CanvasPage';
import { CodeEditorPage } from './CodeEditorPage';
import { InspectorPage } from './InspectorPage';
import { LogPage } from './LogPage';
import { PalettePage } from './PalettePage';
import { SchemasPage } from './SchemasPage';
import { StoragePage } from './StoragePage';
import { TimelinePage } from './TimelinePage';
import { ToolbarPage } from './ToolbarPage';
import { TrustPage } from './TrustPage';

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

/** The whole Tidemark window, one page object per region (`app.toolbar.play()`), and how it is opened. */
export class AppPage {
  readonly toolbar: ToolbarPage;
  readonly canvas: CanvasPage;
  readonly palette: PalettePage;
  readonly inspector: InspectorPage;
  readonly codeEditor: CodeEditorPage;
  readonly schemas: SchemasPage;
  readonly timeline: TimelinePage;
  readonly log: LogPage;
  readonly trust: TrustPage;
  readonly storage: StoragePage;
  readonly alerts: Locator;

  constructor(readonly page: Page) {
    this.toolbar = new ToolbarPage(page);
    this.palette = new PalettePage(page);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    this.canvas = new CanvasPage(page, inspector);
    this.inspector = new InspectorPage(page, this.canvas);
    this.codeEditor = new CodeEditorPage(page, this.canvas, this.inspector);
    this.schemas = new SchemasPage(page, this.toolbar.root);
    this.timeline = new TimelinePage(page);
    this.log = new LogPage(page);
    this.trust = new TrustPage(page, this.toolbar.root);
    this.storage = new StoragePage(page, this.toolbar.root);
    this.alerts = page.getByRole('alert');
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

  /** Opens a fixture flow by link: /?flow=/e2e-fixtures/<name>. */
  async gotoFixture(name: string): Promise<void> {
    const link = await this.serveFixture(name);
    await this.goto(`/?flow=${encodeURIComponent(link)}`);
  }

  /** Opens a fixture flow by link and trusts its code, as a person does before running someone else's flow. */
  async gotoTrustedFixture(name: string): Promise<void> {
    await this.gotoFixture(name);
    await this.trust.trustFlow();
  }

  async waitReady(): Promise<void> {
    await expect(this.toolbar.statusText).toBeVisible();
    await expect(this.toolbar.playButton.or(this.toolbar.pauseButton)).toBeEnabled();
    await expect(this.canvas.nodeCards.first()).toBeVisible();
  }

  /** Opens a bundled example by link (/?example=<name>) and waits until its flow is shown. */
  async gotoExample(name: string, title: string): Promise<void> {
    await this.goto(`/?example=${encodeURIComponent(name)}`);
    await expect(this.toolbar.flowName).toHaveText(title);
  }

  /** Opens a bundled example over a stored run, choosing to replace it when asked. */
  async gotoExampleReplacing(name: string, title: string): Promise<void> {
    await this.goto(`/?example=${encodeURIComponent(name)}`);
    await this.trust.answerReplace('Replace it');
    await expect(this.toolbar.flowName).toHaveText(title);
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitReady();
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
