import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

interface ExportedLine {
  specversion: string;
  id: string;
  type: string;
  source: string;
  time: string;
  data: { step?: number; orderId?: string };
}

const line = (id: string, source: string, data: unknown) =>
  JSON.stringify({ specversion: '1.0', id, type: 'RefundIssued', source, time: '2026-01-01T00:00:00Z', data });

test.describe('export and import of events', () => {
  test('Export log downloads the branch as CloudEvents JSON Lines, one event per step', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.toolbar.setSpeed('100×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(50);
    const { head } = await app.toolbar.pauseAndSettle();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export log' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Orders-main.jsonl');
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const events = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as ExportedLine);
    expect(events).toHaveLength(head);
    expect(
      events.every((e) => e.specversion === '1.0' && e.id !== '' && /^2026-01-01T\d\d:\d\d:\d\d\.\d{3}Z$/.test(e.time)),
    ).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(head);
    // Step 0 publishes the first order: exported as the event itself.
    expect(events[0]).toMatchObject({
      type: 'OrderPlaced',
      source: '/producers/orders',
      data: { orderId: expect.stringMatching(/^ord-/) },
    });
    await app.timeline.goTo('1');
    await expect(app.log.currentRow()).toContainText(events[0]!.id);
    // The others are the engine's steps, with the step record as data.
    const delivery = events[1]!;
    expect(delivery).toMatchObject({ type: 'dev.tidemark.deliver', source: '/tidemark/email', data: { step: 1 } });
    expect(
      events.filter((e) => e.type.startsWith('dev.tidemark.')).every((e) => e.data.step === events.indexOf(e)),
    ).toBe(true);
  });

  test('Import events checks every line; a valid file is published by hand on the chosen producer, a bad one imports nothing', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.gotoTrustedFixture('shop.json');
    for (let i = 0; i < 4; i++) await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 4 of 4 · /);
    const before = await app.toolbar.status();

    // A malformed file: every bad line is named, nothing is imported.
    const bad = [
      line('r-1', '/producers/refunds', { refundId: 'r-1' }),
      '{"specversion": "1.0", oops',
      JSON.stringify({ specversion: '1.0', type: 'X', source: 's', data: {} }),
    ].join('\n');
    await app.timeline.chooseEventsFile('bad.jsonl', bad);
    const problems = app.timeline.importDialog.getByRole('alert');
    await expect(problems).toContainText('This file cannot be imported; nothing was imported.');
    await expect(problems.getByRole('listitem')).toHaveText([
      /^Line 2: not valid JSON \(/,
      'Line 3: not a CloudEvent: id is missing',
    ]);
    await expect(app.timeline.importDialog.getByRole('button', { name: /^Import \d+ event/ })).toHaveCount(0);
    await app.timeline.importDialog.getByRole('button', { name: 'Close' }).click();
    await expect(app.timeline.importDialog).toHaveCount(0);
    await expect(app.toolbar.statusText).toHaveText(before.text);

    // A valid file: its events name the Refunds producer, which is the default.
    const good = [
      line('r-1', '/producers/refunds', { refundId: 'imp-1', amount: 7 }),
      '',
      line('r-2', '/producers/refunds', { refundId: 'imp-2', amount: 9 }),
    ].join('\n');
    await app.timeline.chooseEventsFile('refunds.jsonl', `${good}\n`);
    await expect(app.timeline.importDialog.getByRole('status')).toHaveText('2 events ready.');
    const producer = app.timeline.importDialog.getByRole('combobox', { name: 'Publish on producer' });
    await expect(producer.getByRole('option', { selected: true })).toHaveText('Refunds');
    await app.timeline.importDialog.getByRole('button', { name: 'Import 2 events' }).click();
    await expect(app.timeline.importDialog.getByRole('status')).toHaveText(
      `Imported 2 events as steps ${before.head}–${before.head + 1}.`,
    );
    await app.timeline.importDialog.getByRole('button', { name: 'Close' }).click();
    await expect(app.toolbar.statusText).toHaveText(new RegExp(`^Step ${before.head + 2} of ${before.head + 2} · `));
    await expect(app.log.row(before.head)).toContainText('RefundIssued');
    await expect(app.log.row(before.head)).toContainText('(by hand)');
    await expect(app.log.row(before.head)).toContainText('refundId imp-1');
    await expect(app.log.row(before.head + 1)).toContainText('refundId imp-2');
    expect(await app.canvas.counter(app.canvas.nodeCard('producer', 'Refunds'), 'published')).toBe(2);

    // Chosen by hand: Orders publishes it, whatever the source says.
    await app.timeline.chooseEventsFile('one.jsonl', line('r-3', '/producers/refunds', { orderId: 'imp-3' }));
    await producer.selectOption({ label: 'Orders' });
    await app.timeline.importDialog.getByRole('button', { name: 'Import 1 event' }).click();
    await expect(app.timeline.importDialog.getByRole('status')).toHaveText(
      `Imported 1 event as steps ${before.head + 2}–${before.head + 2}.`,
    );
    await app.timeline.importDialog.getByRole('button', { name: 'Close' }).click();
    await expect(app.log.row(before.head + 2)).toContainText('OrderPlaced');
    await expect(app.log.row(before.head + 2)).toContainText('orderId imp-3');
  });

  test('importing an export publishes its domain events again and skips the engine’s steps', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    for (let i = 0; i < 8; i++) await app.toolbar.step();
    await expect(app.toolbar.statusText).toHaveText(/^Step 8 of 8 · /);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export log' }).click();
    const exported = readFileSync(await (await downloading).path(), 'utf8');
    const published = exported.split('\n').filter((l) => l.includes('"type":"OrderPlaced"')).length;

    await app.timeline.chooseEventsFile('Orders-main.jsonl', exported);
    await expect(app.timeline.importDialog.getByRole('status')).toHaveText(
      `${published} events ready (${8 - published} engine steps of a Tidemark export skipped).`,
    );
    await app.timeline.importDialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(app.toolbar.statusText).toHaveText(/^Step 8 of 8 · /);
  });
});
