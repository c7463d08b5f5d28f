import { describe, expect, it } from 'vitest';
import type { FlowDocument, SubscriberNode } from '../flow';
import { BranchRun } from './branchRun';
import { CodeSandbox, partitionForKey, StepKind, type DeliverStep, type StepRecord } from '../engine';
import { Runtime } from './runtime';

const HANDLER = 'function handle(event, ctx) { ctx.state.seen = (ctx.state.seen ?? 0) + 1; }';

/** A producer keyed by customer → a 6-partition topic → a group of three consumers, and a projection in its own group. */
function groupFlow(commit: 'auto' | 'after' | 'before' = 'auto', extra: Partial<SubscriberNode> = {}): FlowDocument {
  const member = (n: number) => ({
    id: `billing-${n}`,
    kind: 'consumer' as const,
    name: `Billing ${n}`,
    latencyMs: 20,
    group: 'billing',
    commit,
    autoCommitIntervalMs: 2000,
    sessionTimeoutMs: 3000,
    ...extra,
  });
  return {
    format: 'tidemark-flow',
    version: 1,
    name: 'Group',
    seed: 7,
    nodes: [
      {
        id: 'orders',
        kind: 'producer',
        name: 'Orders',
        eventType: 'OrderPlaced',
        rate: 10,
        payload: { customerId: "{{ pick('c1','c2','c3','c4','c5','c6','c7','c8') }}" },
        key: '{{ data.customerId }}',
      },
      { id: 'topic', kind: 'topic', name: 'orders', partitions: 6 },
      member(1),
      member(2),
      member(3),
      { id: 'revenue', kind: 'projection', name: 'Revenue', latencyMs: 50 },
    ],
    edges: [
      { id: 'e0', source: 'orders', target: 'topic' },
      { id: 'e1', source: 'topic', target: 'billing-1' },
      { id: 'e2', source: 'topic', target: 'billing-2' },
      { id: 'e3', source: 'topic', target: 'billing-3' },
      { id: 'e4', source: 'topic', target: 'revenue' },
    ],
    schemas: {},
    code: { 'billing-1': HANDLER, 'billing-2': HANDLER, 'billing-3': HANDLER, revenue: HANDLER },
    layout: {},
  };
}

function run(runtime: Runtime, n: number): StepRecord[] {
  const out: StepRecord[] = [];
  for (let i = 0; i < n; i++) {
    const r = runtime.step();
    if (!r) break;
    out.push(r);
  }
  return out;
}

function runUntil(runtime: Runtime, time: number): StepRecord[] {
  const out: StepRecord[] = [];
  while ((runtime.nextTime() ?? Infinity) <= time) out.push(runtime.step()!);
  return out;
}

const handled = (records: StepRecord[], prefix: string): DeliverStep[] =>
  records.filter((r): r is DeliverStep => r.kind === StepKind.Deliver && r.node.startsWith(prefix) && !r.fetchedOnly);

describe('Kafka topics and consumer groups in a run', () => {
  it('puts each keyed record on the partition murmur2 of its key picks, as Kafka does', () => {
    const runtime = Runtime.start(groupFlow());
    const publishes = run(runtime, 400).filter((r) => r.kind === StepKind.Publish);
    expect(publishes.length).toBeGreaterThan(20);
    for (const p of publishes) {
      const key = p.event.partitionkey!;
      expect(p.placed?.[0]?.partition).toBe(partitionForKey(key, 6));
    }
  });

  it('splits the partitions of a group (two each with range) and gives every group every record', () => {
    const runtime = Runtime.start(groupFlow());
    const records = run(runtime, 2000);
    const assignment = runtime.state.kafka.groups['billing']!.assignment;
    expect(Object.values(assignment).map((tps) => tps.length)).toEqual([2, 2, 2]);
    const billing = handled(records, 'billing-');
    const revenue = handled(records, 'revenue');
    // every offset of every partition handled once by the group, and once by the projection
    const seen = new Set(billing.map((d) => `${d.partition}@${d.offset}`));
    expect(seen.size).toBe(billing.length);
    expect(new Set(revenue.map((d) => `${d.partition}@${d.offset}`)).size).toBe(revenue.length);
    // a partition is only ever handled by its owner
    for (const d of billing) expect(assignment[`${d.node}#0`]!.some((tp) => tp.partition === d.partition)).toBe(true);
  });

  it('keeps order per partition: offsets rise for each partition a member reads', () => {
    const records = handled(run(Runtime.start(groupFlow()), 3000), 'billing-');
    const last = new Map<number, number>();
    for (const d of records) {
      expect(d.offset).toBeGreaterThan(last.get(d.partition!) ?? -1);
      last.set(d.partition!, d.offset);
    }
  });

  it('on a crash the partitions wait for the session timeout, then move; records after the last auto-commit come again', () => {
    const runtime = Runtime.start(groupFlow('auto'));
    runUntil(runtime, 5_000);
    const crash = runtime.apply({ type: 'consumer', node: 'billing-2', action: 'crash' });
    expect(crash).toMatchObject({
      kind: 'consumer',
      action: 'crash',
      group: 'billing',
      sessionExpiresAt: runtime.state.time + 3000,
    });
    const before = runtime.state.kafka.groups['billing']!;
    const owned = before.assignment['billing-2#0']!.map((tp) => tp.partition);
    const during = runUntil(runtime, crash.time + 2_999);
    expect(during.some((r) => r.kind === StepKind.Rebalance)).toBe(false);
    expect(handled(during, 'billing-').some((d) => owned.includes(d.partition!))).toBe(false);
    const after = runUntil(runtime, crash.time + 6_000);
    const rebalance = after.find((r) => r.kind === StepKind.Rebalance);
    expect(rebalance).toMatchObject({ group: 'billing', reason: 'session-expired' });
    const group = runtime.state.kafka.groups['billing']!;
    expect(Object.keys(group.assignment).sort()).toEqual(['billing-1#0', 'billing-3#0']);
    expect(Object.values(group.assignment).map((tps) => tps.length)).toEqual([3, 3]);
    expect(handled(after, 'billing-2')).toEqual([]);
  });

  it('at-least-once: a record handled before the crash and not committed is handled again by the new owner', () => {
    const runtime = Runtime.start(groupFlow('auto'));
    const first = runUntil(runtime, 5_500);
    const crash = runtime.apply({ type: 'consumer', node: 'billing-2', action: 'crash' });
    const later = runUntil(runtime, crash.time + 8_000);
    const byTwo = handled(first, 'billing-2').map((d) => `${d.partition}@${d.offset}`);
    const again = handled(later, 'billing-')
      .filter((d) => d.node !== 'billing-2')
      .map((d) => `${d.partition}@${d.offset}`);
    const duplicates = byTwo.filter((k) => again.includes(k));
    expect(duplicates.length).toBeGreaterThan(0);
  });

  it('at-most-once: committing before handling loses the record fetched when the consumer crashes', () => {
    const runtime = Runtime.start(groupFlow('before'));
    let fetched: DeliverStep | undefined;
    for (let i = 0; i < 2000 && !fetched; i++) {
      const r = runtime.step()!;
      if (r.kind === StepKind.Deliver && r.node === 'billing-2' && r.fetchedOnly) fetched = r;
    }
    expect(fetched?.committed).toEqual({ [`topic:${fetched!.partition}`]: fetched!.offset + 1 });
    runtime.apply({ type: 'consumer', node: 'billing-2', action: 'crash' });
    const later = run(runtime, 3000);
    const lost = handled(later, 'billing-').filter(
      (d) => d.partition === fetched!.partition && d.offset === fetched!.offset,
    );
    expect(lost).toEqual([]);
  });

  it('commit after handling is a step of its own; a crash between them redelivers the record', () => {
    // earliest: with nothing committed yet, latest (Kafka's default) would skip to the end instead
    const runtime = Runtime.start(groupFlow('after', { offsetReset: 'earliest' }));
    let done: DeliverStep | undefined;
    for (let i = 0; i < 2000 && !done; i++) {
      const r = runtime.step()!;
      if (r.kind === StepKind.Deliver && r.node === 'billing-2') done = r;
    }
    runtime.apply({ type: 'consumer', node: 'billing-2', action: 'crash' });
    const later = run(runtime, 3000);
    expect(later.some((r) => r.kind === StepKind.Commit && r.node === 'billing-2')).toBe(false);
    const again = handled(later, 'billing-').filter(
      (d) => d.partition === done!.partition && d.offset === done!.offset,
    );
    expect(again.map((d) => d.node)).not.toContain('billing-2');
    expect(again).toHaveLength(1);
  });

  it('a restarted consumer joins again and gets partitions back', () => {
    const runtime = Runtime.start(groupFlow());
    runUntil(runtime, 2_000);
    runtime.apply({ type: 'consumer', node: 'billing-2', action: 'crash' });
    runUntil(runtime, runtime.state.time + 4_000);
    runtime.apply({ type: 'consumer', node: 'billing-2', action: 'restart' });
    const records = runUntil(runtime, runtime.state.time + 1_000);
    expect(records.find((r) => r.kind === StepKind.Rebalance)).toMatchObject({ reason: 'member-joined' });
    expect(runtime.state.kafka.groups['billing']!.assignment['billing-2#1']).toHaveLength(2);
    expect(handled(records, 'billing-2').length).toBeGreaterThan(0);
  });

  it('raising the partitions while running rebalances the group over the new count', () => {
    const runtime = Runtime.start(groupFlow());
    runUntil(runtime, 1_000);
    const flow = runtime.flow;
    const raised = { ...flow, nodes: flow.nodes.map((n) => (n.kind === 'topic' ? { ...n, partitions: 9 } : n)) };
    runtime.apply({ type: 'flow', flow: raised, summary: 'changed orders' });
    const records = runUntil(runtime, runtime.state.time + 100);
    expect(records.find((r) => r.kind === StepKind.Rebalance && r.group === 'billing')).toMatchObject({
      reason: 'partitions-changed',
    });
    expect(Object.values(runtime.state.kafka.groups['billing']!.assignment).map((tps) => tps.length)).toEqual([
      3, 3, 3,
    ]);
  });

  it('retention deletes whole old segments and moves the log start; a cleanup step says so', () => {
    const flow = groupFlow();
    const small = {
      ...flow,
      nodes: flow.nodes.map((n) =>
        n.kind === 'topic' ? { ...n, partitions: 1, segmentRecords: 10, retentionRecords: 30 } : n,
      ),
    };
    const runtime = Runtime.start(small);
    const records = run(runtime, 2000);
    const cleanups = records.filter((r) => r.kind === StepKind.Cleanup);
    expect(cleanups.length).toBeGreaterThan(0);
    const log = runtime.state.kafka.topics['topic']!.partitions[0]!;
    expect(log.logEndOffset - log.logStartOffset).toBeLessThanOrEqual(40);
    expect(log.logStartOffset % 10).toBe(0);
  });

  it('time travel over a run with a crash and a restart gives the states of the uninterrupted run', () => {
    const flow = groupFlow('after');
    const reference = Runtime.start(flow);
    const states = new Map<number, string>();
    const inputs = [
      { step: 300, input: { type: 'consumer', node: 'billing-2', action: 'crash' } as const },
      { step: 900, input: { type: 'consumer', node: 'billing-2', action: 'restart' } as const },
    ];
    for (let step = 0; step <= 1500; step++) {
      states.set(step, JSON.stringify(reference.state));
      const input = inputs.find((i) => i.step === step);
      if (input) reference.apply(input.input);
      else reference.step();
    }
    const branch = new BranchRun({ code: new CodeSandbox(), baseFlow: flow, inputs, head: 0, snapshotEvery: 100 });
    while (branch.cursor < 1500) branch.advance();
    for (const step of [1400, 5, 301, 899, 950, 120, 1500]) {
      branch.seek(step);
      expect(JSON.stringify(branch.state), `step ${step}`).toBe(states.get(step));
    }
  });

  it('resets a stopped group to earliest and a restarted member replays from there; refused while it has members', () => {
    const runtime = Runtime.start(groupFlow());
    runUntil(runtime, 4_000);
    expect(runtime.apply({ type: 'reset-offsets', group: 'billing', target: { to: 'earliest' } })).toMatchObject({
      kind: 'offsets-reset',
      error: expect.stringContaining('inactive'),
    });
    for (const n of [1, 2, 3]) runtime.apply({ type: 'consumer', node: `billing-${n}`, action: 'crash' });
    runUntil(runtime, runtime.state.time + 3_500);
    expect(runtime.state.kafka.groups['billing']!.members).toEqual([]);
    const reset = runtime.apply({ type: 'reset-offsets', group: 'billing', target: { to: 'earliest' } });
    expect(reset).toMatchObject({ kind: 'offsets-reset', target: 'earliest' });
    expect(Object.values((reset as { offsets: Record<string, number> }).offsets)).toEqual([0, 0, 0, 0, 0, 0]);
    runtime.apply({ type: 'consumer', node: 'billing-1', action: 'restart' });
    const replay = handled(runUntil(runtime, runtime.state.time + 100), 'billing-1');
    // alone in the group it owns all six partitions and reads each one that has records from offset 0 again
    const withRecords = runtime.state.kafka.topics['topic']!.partitions.flatMap((log, p) =>
      log.logEndOffset > 0 ? [p] : [],
    );
    expect(withRecords.length).toBeGreaterThan(2);
    expect(new Set(replay.filter((d) => d.offset === 0).map((d) => d.partition))).toEqual(new Set(withRecords));
  });
});
