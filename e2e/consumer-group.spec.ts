import { expect, test } from '@playwright/test';
import { AppPage, type LogLine } from './pages/AppPage';

const BILLING = ['Billing 1', 'Billing 2', 'Billing 3'] as const;

/** "orders[2]@15" in a delivery row → "2@15". */
function position(line: LogLine): string | null {
  const match = /\borders\[(\d+)\]@(\d+) handled/.exec(line.what);
  return match ? `${match[1]}@${match[2]}` : null;
}

test.describe('consumer group rebalance', () => {
  test('a crashed member’s partitions move after its session timeout, its uncommitted records come again, and a restart takes them back', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const app = new AppPage(page);
    await app.gotoExample('consumer-group', 'Consumer group rebalance');
    const topic = app.canvas.nodeCard('topic', 'orders');
    await expect(topic).toContainText('6 partitions');

    await app.toolbar.setSpeed('10×');
    await app.toolbar.play();
    // Range assignor, six partitions, three members: two each, in member order.
    for (const [name, partitions] of [
      ['Billing 1', ['p0', 'p1']],
      ['Billing 2', ['p2', 'p3']],
      ['Billing 3', ['p4', 'p5']],
    ] as const) {
      await expect.poll(() => app.canvas.assignedPartitions(app.canvas.nodeCard('consumer', name))).toEqual(partitions);
    }
    // Past an auto-commit (every 2 s) and into the next interval, so Billing 2 has handled records it has not committed.
    await expect
      .poll(async () => (await app.toolbar.status()).text, { timeout: 20_000 })
      .toMatch(/t = (3\.[5-9]|[4-9]\.|\d\d+\.)/);

    await app.inspector.controlConsumer('Billing 2', 'Crash');
    const billing2 = app.canvas.nodeCard('consumer', 'Billing 2');
    await expect(billing2).toContainText('crashed');

    // After the session timeout (3 s of virtual time) the other two members own three partitions each.
    await expect
      .poll(() => app.canvas.assignedPartitions(app.canvas.nodeCard('consumer', 'Billing 1')), { timeout: 20_000 })
      .toEqual(['p0', 'p1', 'p2']);
    await expect
      .poll(() => app.canvas.assignedPartitions(app.canvas.nodeCard('consumer', 'Billing 3')))
      .toEqual(['p3', 'p4', 'p5']);
    await app.toolbar.pauseAndSettle();
    // Still crashed, and no longer a member: its partitions went to the others.
    await expect(billing2).toContainText('crashed');
    expect(await app.canvas.assignedPartitions(billing2)).toEqual([]);

    // Restart: it joins again, the group rebalances, and it owns partitions again.
    await app.inspector.controlConsumer('Billing 2', 'Restart');
    await expect(billing2).not.toContainText('crashed');
    await app.toolbar.play();
    await expect.poll(() => app.canvas.assignedPartitions(billing2), { timeout: 20_000 }).toEqual(['p2', 'p3']);
    await app.toolbar.pauseAndSettle();
    for (const name of BILLING)
      expect(await app.canvas.assignedPartitions(app.canvas.nodeCard('consumer', name))).toHaveLength(2);

    // The log tells the story: the rebalance when the session expired, the records Billing 2 had handled
    // but not committed handled again by their new owners, and the rebalance when it came back.
    const log = await app.log.read();
    const story = log
      .filter((line) => /^(rebalance|crashed|restarted)/.test(line.what))
      .map((line) => `${line.step} ${line.node}: ${line.what}`);
    const expired = log.find((line) => /^rebalance billing → generation \d+ \(session-expired\)/.test(line.what));
    expect(expired, `a rebalance row for billing once the session expired, in:\n${story.join('\n')}`).toBeDefined();
    expect(expired?.what).toContain('Billing 1 orders[0,1] → orders[0,1,2]');
    expect(expired?.what).toContain('Billing 2 orders[2,3] → (removed)');
    expect(expired?.what).toContain('Billing 3 orders[4,5] → orders[3,4,5]');

    const expiredAt = expired?.step ?? 0;
    const handledBy2 = new Set(
      log.filter((l) => l.node === 'Billing 2' && l.step < expiredAt).flatMap((l) => position(l) ?? []),
    );
    const again = log.filter(
      (l) =>
        l.step > expiredAt && (l.node === 'Billing 1' || l.node === 'Billing 3') && handledBy2.has(position(l) ?? ''),
    );
    expect(again.length, 'records handled by Billing 2 and again by a new owner').toBeGreaterThan(0);

    const rejoined = log.find(
      (line) => line.step > expiredAt && /^rebalance billing → generation \d+ \(member-joined\)/.test(line.what),
    );
    expect(rejoined, `a rebalance row when Billing 2 rejoined, in:\n${story.join('\n')}`).toBeDefined();
    expect(rejoined?.what).toContain('Billing 2 (joined) → orders[2,3]');
  });

  test('a stopped group reset to earliest replays its partitions from offset 0 when a member restarts; a running group refuses', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const app = new AppPage(page);
    await app.gotoExample('consumer-group', 'Consumer group rebalance');
    await app.toolbar.setSpeed('10×');
    await app.toolbar.play();
    await expect
      .poll(async () => (await app.toolbar.status()).text, { timeout: 20_000 })
      .toMatch(/t = ([3-9]\.|\d\d+\.)/);

    // While its members run, Kafka refuses to move a group's offsets, and so does Tidemark.
    await app.canvas.selectNode('consumer', 'Billing 1');
    const reset = app.inspector.root.getByRole('region', { name: 'Reset offsets' });
    await reset.getByRole('button', { name: 'Reset offsets', exact: true }).click();
    await expect(app.alerts.filter({ hasText: 'can only be reset while it has no members' })).toBeVisible();

    // Stop the whole group at one moment (paused), then let the sessions expire: the group is empty.
    await app.toolbar.pauseAndSettle();
    for (const name of BILLING) await app.inspector.controlConsumer(name, 'Crash');
    await app.toolbar.play();
    await app.canvas.selectNode('consumer', 'Billing 3');
    await expect(app.inspector.root.getByText('not a member')).toBeVisible({ timeout: 20_000 });
    await app.toolbar.pauseAndSettle();

    await app.canvas.selectNode('consumer', 'Billing 1');
    await reset.getByLabel('Reset offsets to').selectOption('earliest');
    await reset.getByRole('button', { name: 'Reset offsets', exact: true }).click();
    await expect(reset.getByRole('status')).toHaveText(/^Offsets reset as step \d+/);
    await app.inspector.controlConsumer('Billing 1', 'Restart');
    await app.toolbar.play();
    await expect
      .poll(() => app.canvas.assignedPartitions(app.canvas.nodeCard('consumer', 'Billing 1')), { timeout: 20_000 })
      .toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
    await app.toolbar.pauseAndSettle();

    const log = await app.log.read();
    const resetRow = log.find((line) => /^offsets of billing reset to earliest/.test(line.what));
    expect(resetRow, 'the reset is a step in the log').toBeDefined();
    const replayed = log.filter(
      (l) => l.step > (resetRow?.step ?? 0) && l.node === 'Billing 1' && /orders\[\d\]@0 handled/.test(l.what),
    );
    expect(replayed.length, 'Billing 1 reads partitions from offset 0 again').toBeGreaterThan(0);
  });

  test('the topic inspector lists six partitions whose high watermarks add up to what the producer published', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.gotoExample('consumer-group', 'Consumer group rebalance');
    await app.toolbar.setSpeed('10×');
    await app.toolbar.play();
    await app.toolbar.waitForHead(200);
    await app.toolbar.pauseAndSettle();

    await app.canvas.selectNode('topic', 'orders');
    const partitions = app.inspector.table('Partitions');
    await expect(partitions).toBeVisible();
    const rows = await app.inspector.tableRows(partitions);
    expect(rows.map((r) => r[0])).toEqual(['0', '1', '2', '3', '4', '5']);
    const published = await app.canvas.counter(app.canvas.nodeCard('producer', 'Orders'), 'published');
    const watermarks = rows.map((r) => Number((r[2] ?? '').replaceAll(',', '')));
    expect(watermarks.reduce((a, b) => a + b, 0)).toBe(published);

    // The group reading it: one row per partition with its owner, and the projection's own group.
    const groups = app.inspector.table('Consumer groups');
    await expect(groups.getByRole('rowheader', { name: /^billing · generation \d+/ })).toBeVisible();
    await expect(groups.getByRole('rowheader', { name: /^revenue · generation \d+/ })).toBeVisible();
    const owners = (await app.inspector.tableRows(groups)).slice(0, 6).map((r) => r[1]);
    expect(owners).toEqual(['Billing 1', 'Billing 1', 'Billing 2', 'Billing 2', 'Billing 3', 'Billing 3']);

    // Kafka can add partitions to a live topic, never remove them.
    const count = app.inspector.root.getByRole('spinbutton', { name: 'Partitions', exact: true });
    await count.fill('4');
    await expect(app.inspector.root.getByRole('alert')).toHaveText(
      'Partitions: Kafka cannot lower the partition count',
    );
    await count.fill('8');
    await expect(app.canvas.nodeCard('topic', 'orders')).toContainText('8 partitions');
  });

  test('the example opens from the Examples menu; its producer and consumer panels show the keying and group settings', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.toolbar.root
      .getByRole('combobox', { name: 'Example' })
      .selectOption({ label: 'Consumer group rebalance' });
    await expect(app.toolbar.flowName).toHaveText('Consumer group rebalance');
    await expect(app.canvas.nodeCards).toHaveCount(6);

    await app.canvas.selectNode('producer', 'Orders');
    await expect(app.inspector.root.getByRole('textbox', { name: 'Key', exact: true })).toHaveValue(
      '{{ data.customerId }}',
    );
    await expect(app.inspector.root.getByRole('combobox', { name: 'Records without a key' })).toHaveValue(
      'round-robin',
    );

    await app.canvas.selectNode('consumer', 'Billing 1');
    await expect(app.inspector.root.getByRole('textbox', { name: 'Consumer group', exact: true })).toHaveValue(
      'billing',
    );
    await expect(app.inspector.root.getByRole('combobox', { name: 'Assignor' })).toHaveValue('range');
    const commit = app.inspector.root.getByRole('combobox', { name: 'Commit', exact: true });
    await expect(commit.getByRole('option', { selected: true })).toHaveText('auto-commit');
    await expect(app.inspector.root.getByRole('spinbutton', { name: 'Auto-commit interval (ms)' })).toHaveValue('2000');
    await expect(app.inspector.root.getByRole('spinbutton', { name: 'Session timeout (ms)' })).toHaveValue('3000');
    await expect(app.inspector.root.getByRole('button', { name: 'Crash consumer' })).toBeVisible();
    await expect(app.inspector.root.getByRole('button', { name: 'Restart consumer' })).toHaveCount(0);

    await commit.selectOption({ label: 'after handling (at-least-once)' });
    await expect(app.inspector.root.getByText('Each record is committed once handled')).toBeVisible();

    // The projection is in a group of its own: its card does not name a group.
    await app.canvas.selectNode('projection', 'Revenue by customer');
    await expect(app.inspector.root.getByRole('textbox', { name: 'Consumer group', exact: true })).toHaveValue('');
    expect(await app.canvas.cardValue(app.canvas.nodeCard('projection', 'Revenue by customer'), 'group')).toBeNull();
  });
});
