import { expect, type Locator, type Page } from '@playwright/test';
import type { RunStatus, SpeedName } from './AppPage';

const STATUS_PATTERN = /^Step (\d+) of (\d+) · t = /;

/** The "Run controls" toolbar: Play, Pause, Step, speed, the status line, the flow's name and branches. */
export class ToolbarPage {
  readonly root: Locator;
  readonly playButton: Locator;
  readonly pauseButton: Locator;
  readonly stepButton: Locator;
  readonly statusText: Locator;
  readonly branchSelect: Locator;
  readonly flowName: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('toolbar', { name: 'Run controls' });
    this.playButton = this.root.getByRole('button', { name: 'Play', exact: true });
    this.pauseButton = this.root.getByRole('button', { name: 'Pause', exact: true });
    this.stepButton = this.root.getByRole('button', { name: 'Step', exact: true });
    this.statusText = this.root.getByText(STATUS_PATTERN);
    this.branchSelect = this.root.getByRole('combobox', { name: 'Branch' });
    this.flowName = this.root.getByTitle('Flow name');
  }

  /** Chooses a file in the toolbar's "Open flow file". */
  async openFlowFile(name: string, text: string): Promise<void> {
    await this.root
      .getByLabel('Open flow file')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  async setSpeed(speed: SpeedName): Promise<void> {
    const radio = this.root.getByRole('radiogroup', { name: 'Speed' }).getByRole('radio', { name: speed, exact: true });
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
      .poll(
        async () => {
          const now = (await this.status()).text;
          const same = now === last;
          last = now;
          return same;
        },
        { intervals: [300] },
      )
      .toBe(true);
    return this.status();
  }

  deleteBranchButton(name: string): Locator {
    return this.root.getByRole('button', { name: `Delete branch ${name}`, exact: true });
  }

  async fork(name: string): Promise<void> {
    await this.root.getByRole('button', { name: 'Fork from here' }).click();
    await this.root.getByLabel('Branch name').fill(name);
    await this.root.getByRole('button', { name: 'Create branch' }).click();
    await expect(this.branchSelect.getByRole('option', { selected: true })).toHaveText(name);
  }
}
