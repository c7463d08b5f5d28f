import { beforeAll, describe, expect, it } from 'vitest';
import orders from '../../public/examples/orders.json';
import { validateFlow, type FlowDocument } from '../flow';
import { BranchRun } from './branchRun';
import { CodeSandbox, type RunInput, nextUint32, seedRandom, type RuntimeSnapshot, type StepRecord } from '../engine';
import { Runtime } from './runtime';

function exampleFlow(): FlowDocument {
  const result = validateFlow(orders);
  if (!result.ok) throw new Error(`the example flow does not validate: ${JSON.stringify(result.problems)}`);
  return result.flow;
}

const HEAD = 3000;
const SNAPSHOT_EVERY = 100;
const base = exampleFlow();
const manual: RunInput = {
  type: 'publish',
  producer: 'orders',
  data: { orderId: 'manual', customerId: 'cust-ada', items: [], total: 0 },
};
const edited: FlowDocument = {
  ...base,
  nodes: base.nodes.filter((n) => n.id !== 'analytics').map((n) => (n.kind === 'producer' ? { ...n, rate: 3 } : n)),
  edges: base.edges.filter((e) => e.target !== 'analytics'),
  code: Object.fromEntries(Object.entries(base.code).filter(([id]) => id !== 'analytics')),
};
const flowChange: RunInput = { type: 'flow', flow: edited, summary: 'removed Analytics counter; changed Orders' };
/** The inputs a person gave during the run, by the step they happened at. */
const INPUTS = new Map<number, RunInput>([
  [500, manual],
  [1500, flowChange],
  [2222, manual],
]);

const random = seedRandom(2024);
const CHECKED = [
  0,
  1,
  99,
  100,
  101,
  499,
  500,
  501,
  1234,
  1499,
  1500,
  1501,
  2999,
  3000,
  ...Array.from({ length: 12 }, () => nextUint32(random) % (HEAD + 1)),
];

/** The uninterrupted run: states at every checked step, and every record. */
const reference = { states: new Map<number, string>(), records: [] as StepRecord[] };
/** The branch as recorded live, step by step. */
let live: BranchRun;
const liveRecords: StepRecord[] = [];
const liveFresh: boolean[] = [];

beforeAll(() => {
  const runtime = Runtime.start(base);
  const wanted = new Set(CHECKED);
  for (let s = 0; s <= HEAD; s++) {
    if (wanted.has(s)) reference.states.set(s, JSON.stringify(runtime.state));
    if (s === HEAD) break;
    const input = INPUTS.get(s);
    reference.records.push(input ? runtime.apply(input) : runtime.step()!);
  }

  live = new BranchRun({ code: new CodeSandbox(), baseFlow: base, inputs: [], head: 0, snapshotEvery: SNAPSHOT_EVERY });
  while (live.cursor < HEAD) {
    const input = INPUTS.get(live.cursor);
    if (input) live.record(input);
    const advance = live.advance()!;
    liveRecords.push(advance.record);
    liveFresh.push(advance.fresh);
  }
});

const stateAt = (run: BranchRun): string => JSON.stringify(run.state);

describe('BranchRun: recording a run', () => {
  it('executes the same steps as an uninterrupted Runtime given the same inputs', () => {
    expect(JSON.stringify(liveRecords)).toBe(JSON.stringify(reference.records));
    expect(liveRecords[500]).toMatchObject({ kind: 'publish', manual: true });
    expect(liveRecords[1500]).toMatchObject({
      kind: 'flow-change',
      summary: flowChange.type === 'flow' ? flowChange.summary : '',
    });
  });

  it('marks every step it adds as fresh and moves the head along', () => {
    expect(liveFresh.every(Boolean)).toBe(true);
    expect(live.head).toBe(HEAD);
    expect(live.inputs.map((i) => i.step)).toEqual([500, 1500, 2222]);
  });
});

describe('BranchRun: time travel', () => {
  it('snapshot-then-replay equals the uninterrupted run at every checked step', () => {
    for (const step of CHECKED) {
      live.seek(step);
      expect(live.cursor).toBe(step);
      expect(stateAt(live), `state at step ${step}`).toBe(reference.states.get(step));
    }
  });

  it('gives the same state whatever order the seeks come in', () => {
    const order = [...CHECKED];
    const shuffle = seedRandom(7);
    for (let i = order.length - 1; i > 0; i--) {
      const j = nextUint32(shuffle) % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const step of [...order, ...[...order].reverse(), 3000, 0, 3000, 1501, 1500]) {
      live.seek(step);
      expect(stateAt(live), `state at step ${step}`).toBe(reference.states.get(step));
    }
  });

  it('shows the flow that was in effect at the cursor', () => {
    live.seek(1500);
    expect(live.flow.nodes.some((n) => n.id === 'analytics')).toBe(true);
    live.seek(1501);
    expect(live.flow).toBe(edited);
    live.seek(10);
    expect(live.flow).toBe(base);
  });

  it('clamps a seek to [0, head]', () => {
    live.seek(HEAD + 500);
    expect(live.cursor).toBe(HEAD);
    live.seek(-3);
    expect(live.cursor).toBe(0);
    live.seek(41.7);
    expect(live.cursor).toBe(41);
  });

  it('starts a seek from the nearest snapshot at or before the target', () => {
    expect(live.snapshotBefore(0)).toBe(0);
    expect(live.snapshotBefore(99)).toBe(0);
    expect(live.snapshotBefore(100)).toBe(100);
    expect(live.snapshotBefore(2999)).toBe(2900);
    expect(live.snapshotBefore(HEAD + 10)).toBe(HEAD);
  });

  it('keeps at most keepInMemory snapshots, step 0 among them, and still seeks to the same states', () => {
    const bounded = new BranchRun({
      code: new CodeSandbox(),
      baseFlow: base,
      inputs: live.inputs,
      head: HEAD,
      snapshotEvery: SNAPSHOT_EVERY,
      keepInMemory: 4,
    });
    bounded.seek(HEAD);
    expect(bounded.snapshots.size).toBe(4);
    expect(bounded.snapshots.has(0)).toBe(true);
    expect([...bounded.snapshots.keys()].filter((s) => s !== 0)).toEqual([2800, 2900, 3000]);
    for (const step of CHECKED) {
      bounded.seek(step);
      expect(stateAt(bounded), `state at step ${step}`).toBe(reference.states.get(step));
      expect(bounded.snapshots.size).toBeLessThanOrEqual(4);
    }
  });

  it('replays recorded steps as not fresh, with the records they had', () => {
    live.seek(1495);
    const replayed = Array.from({ length: 10 }, () => live.advance()!);
    expect(replayed.every((a) => !a.fresh)).toBe(true);
    expect(JSON.stringify(replayed.map((a) => a.record))).toBe(JSON.stringify(reference.records.slice(1495, 1505)));
    expect(live.head).toBe(HEAD);
  });

  it('restores state that later steps cannot corrupt (snapshots are copies)', () => {
    live.seek(1234);
    live.seek(2000);
    live.seek(1234);
    expect(stateAt(live)).toBe(reference.states.get(1234));
  });
});

describe('BranchRun: peeking at a step', () => {
  it('gives the state of any step without moving the cursor, in any order', () => {
    live.seek(777);
    const atCursor = stateAt(live);
    for (const step of [1501, 1500, 1501, 1234, 0, 3000, 99, 100, 2999, 500, 501]) {
      expect(JSON.stringify(live.peek(step).state), `state at step ${step}`).toBe(reference.states.get(step));
      expect(live.cursor).toBe(777);
    }
    expect(stateAt(live)).toBe(atCursor);
  });

  it('gives the flow in effect at that step, clamped to [0, head]', () => {
    expect(live.peek(1501).flow).toBe(edited);
    expect(live.peek(1500).flow.nodes.some((n) => n.id === 'analytics')).toBe(true);
    expect(live.peek(HEAD + 50).state.step).toBe(HEAD);
    expect(live.peek(-1).state.step).toBe(0);
  });
});

describe('BranchRun: extending and recording in the past', () => {
  const fresh = (): BranchRun => {
    const run = new BranchRun({
      code: new CodeSandbox(),
      baseFlow: base,
      inputs: live.inputs,
      head: HEAD,
      snapshotEvery: SNAPSHOT_EVERY,
      snapshots: live.snapshots,
    });
    run.seek(HEAD);
    return run;
  };

  it('advancing past the head marks records fresh and extends the head', () => {
    const run = fresh();
    const a = run.advance()!;
    const b = run.advance()!;
    expect([a.fresh, b.fresh]).toEqual([true, true]);
    expect([a.record.step, b.record.step]).toEqual([HEAD, HEAD + 1]);
    expect(run.head).toBe(HEAD + 2);
  });

  it('queues an input recorded while the cursor is in the past at the head, leaving the past alone', () => {
    const run = fresh();
    run.seek(1000);
    const before = stateAt(run);
    const recorded = run.record(manual);
    expect(recorded.step).toBe(HEAD);
    expect(run.cursor).toBe(1000);
    expect(stateAt(run)).toBe(before);
    // replaying the past is unchanged by the queued input
    run.seek(2000);
    const wanted = Runtime.start(base);
    for (let s = 0; s < 2000; s++) {
      const input = INPUTS.get(s);
      if (input) wanted.apply(input);
      else wanted.step();
    }
    expect(stateAt(run)).toBe(JSON.stringify(wanted.state));
    run.seek(HEAD);
    const next = run.advance()!;
    expect(next.fresh).toBe(true);
    expect(next.record).toMatchObject({ kind: 'publish', step: HEAD, manual: true });
  });

  it('queues inputs recorded in the past one after another at the head', () => {
    const run = fresh();
    run.seek(10);
    expect(run.record(manual).step).toBe(HEAD);
    expect(run.record(manual).step).toBe(HEAD + 1);
    expect(run.inputs.slice(-2).map((i) => i.step)).toEqual([HEAD, HEAD + 1]);
  });

  it('nextTime() is the time of a due input, else of the next scheduled action', () => {
    const run = fresh();
    const time = run.state.time;
    run.record(manual);
    expect(run.nextTime()).toBe(time);
    run.advance();
    expect(run.nextTime()).toBeGreaterThanOrEqual(time);
  });
});

describe('BranchRun: reloading a branch', () => {
  it('rebuilds any step from (base flow, inputs) alone, without any snapshot but step 0', () => {
    const reloaded = new BranchRun({
      code: new CodeSandbox(),
      baseFlow: base,
      inputs: live.inputs,
      head: HEAD,
      snapshotEvery: SNAPSHOT_EVERY,
    });
    for (const step of [2999, 1501, 1, 3000]) {
      reloaded.seek(step);
      expect(stateAt(reloaded), `state at step ${step}`).toBe(reference.states.get(step));
    }
    // snapshots taken while replaying are not new information for storage
    expect(reloaded.takeUnsavedSnapshots()).toEqual([]);
  });

  it('uses snapshots loaded from storage (structured-cloned) and reaches the same states', () => {
    const stored = new Map<number, RuntimeSnapshot>([...live.snapshots].map(([step, s]) => [step, structuredClone(s)]));
    const reloaded = new BranchRun({
      code: new CodeSandbox(),
      baseFlow: base,
      inputs: live.inputs,
      head: HEAD,
      snapshotEvery: SNAPSHOT_EVERY,
      snapshots: stored,
    });
    for (const step of [1234, 2999, 100]) {
      reloaded.seek(step);
      expect(stateAt(reloaded), `state at step ${step}`).toBe(reference.states.get(step));
    }
  });
});

describe('BranchRun: snapshots to persist', () => {
  it('hands over the snapshots of fresh steps once, every snapshotEvery steps', () => {
    const run = new BranchRun({ code: new CodeSandbox(), baseFlow: base, inputs: [], head: 0, snapshotEvery: 50 });
    for (let i = 0; i < 260; i++) run.advance();
    expect(run.takeUnsavedSnapshots().map((s) => s.step)).toEqual([50, 100, 150, 200, 250]);
    expect(run.takeUnsavedSnapshots()).toEqual([]);
    // replaying does not produce snapshots to persist again
    run.seek(0);
    run.seek(260);
    expect(run.takeUnsavedSnapshots()).toEqual([]);
  });

  it('keepSnapshot() saves the state at the cursor (a pause) and a later seek starts from it', () => {
    const run = new BranchRun({ code: new CodeSandbox(), baseFlow: base, inputs: [], head: 0, snapshotEvery: 1000 });
    for (let i = 0; i < 123; i++) run.advance();
    run.keepSnapshot();
    const [saved] = run.takeUnsavedSnapshots();
    expect(saved?.step).toBe(123);
    expect(JSON.stringify(saved?.snapshot.state)).toBe(JSON.stringify(run.state));
    expect(run.snapshotBefore(500)).toBe(123);
    const at123 = stateAt(run);
    run.seek(0);
    run.seek(123);
    expect(stateAt(run)).toBe(at123);
  });

  it('keepSnapshot(false) keeps a snapshot in memory without asking to persist it', () => {
    const run = new BranchRun({ code: new CodeSandbox(), baseFlow: base, inputs: [], head: 0, snapshotEvery: 1000 });
    for (let i = 0; i < 7; i++) run.advance();
    run.keepSnapshot(false);
    expect(run.snapshots.has(7)).toBe(true);
    expect(run.takeUnsavedSnapshots()).toEqual([]);
  });
});

describe('BranchRun: handlers that misbehave', () => {
  it('seek gives the recorded state even when a handler tries to change the event it was given', () => {
    const flow: FlowDocument = {
      ...base,
      code: { ...base.code, email: 'function handle(event, ctx) { event.data.total = -1; }' },
    };
    // every 5 steps: snapshots at 5, 10, … land between a publish and its delivery to email
    const run = new BranchRun({ code: new CodeSandbox(), baseFlow: flow, inputs: [], head: 0, snapshotEvery: 5 });
    const recorded: string[] = [];
    for (let i = 0; i < 40; i++) {
      recorded.push(JSON.stringify(run.advance()!.record));
    }
    const atHead = stateAt(run);
    run.seek(0);
    run.seek(6);
    const replayed = Array.from({ length: 34 }, () => JSON.stringify(run.advance()!.record));
    expect(replayed).toEqual(recorded.slice(6));
    expect(stateAt(run)).toBe(atHead);
  });

  it('a handler that keeps a function in ctx.state does not crash the run when the next snapshot is taken', () => {
    // snapshots are structured clones; a function cannot be cloned (DataCloneError)
    const flow: FlowDocument = {
      ...base,
      code: { ...base.code, email: 'function handle(event, ctx) { ctx.state.format = (x) => String(x); }' },
    };
    const run = new BranchRun({ code: new CodeSandbox(), baseFlow: flow, inputs: [], head: 0, snapshotEvery: 10 });
    expect(() => {
      for (let i = 0; i < 20; i++) run.advance();
    }).not.toThrow();
    expect(run.cursor).toBe(20);
  });
});
