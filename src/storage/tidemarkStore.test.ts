import { emptyEsState, emptyAmqpState, type RuntimeSnapshot, type StepRecord } from '../engine';
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../flow';
import type { BranchRecord, SegmentRecord, SnapshotRecord } from './records';
import { DB_VERSION, StoreName } from './schema';
import { StorageError, StorageErrorKind } from './storageError';
import { openTidemarkStore, type TidemarkStore } from './tidemarkStore';
import { refusePutsFrom, storedContents } from './quotaFaults.testkit';

const flow: FlowDocument = {
  format: 'tidemark-flow',
  version: 1,
  name: 'Orders',
  seed: 7,
  nodes: [
    { id: 'orders', kind: 'producer', name: 'Orders', eventType: 'OrderPlaced', rate: 5, payload: { total: 10 } },
    { id: 'placed', kind: 'topic', name: 'Placed' },
  ],
  edges: [{ id: 'e1', source: 'orders', target: 'placed' }],
  schemas: {},
  code: {},
  layout: { orders: { x: 0, y: 0 } },
};

function steps(first: number, count: number, summary = 'edit'): StepRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'flow-change',
    step: first + i,
    time: first + i,
    node: 'orders',
    summary,
  }));
}

function segment(branchId: string, firstStep: number, summary = 'edit'): SegmentRecord {
  return { branchId, firstStep, records: steps(firstStep, 3, summary) };
}

function snapshot(branchId: string, step: number): SnapshotRecord {
  const state: RuntimeSnapshot['state'] = {
    step,
    time: step,
    random: [1, 2, 3, 4],
    seq: 0,
    queue: [],
    nodes: {},
    edges: {},
    amqp: emptyAmqpState(),
    es: emptyEsState(),
    broken: {},
    kafka: { topics: {}, groups: {}, members: {} },
  };
  return { branchId, step, snapshot: { flow, state } };
}

function branch(id: string, flowId: string, head: number): BranchRecord {
  return { id, flowId, name: id, parentId: null, forkStep: 0, baseFlow: flow, inputs: [], head };
}

const opened: TidemarkStore[] = [];

/** Each test gets its own database so none sees another's data. */
async function openFresh(): Promise<{ store: TidemarkStore; name: string }> {
  const name = `tidemark-test-${crypto.randomUUID()}`;
  const store = await openTidemarkStore(name);
  opened.push(store);
  return { store, name };
}

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

describe('openTidemarkStore round trips', () => {
  it('saves and loads a flow', async () => {
    const { store } = await openFresh();
    await store.saveFlow({ id: 'f1', flow, savedAt: 123 });
    expect(await store.loadFlow('f1')).toEqual({ ok: true, record: { id: 'f1', flow, savedAt: 123 } });
    expect(await store.loadFlow('missing')).toBeNull();
  });

  it('stores branches and lists them by flow', async () => {
    const { store } = await openFresh();
    await store.putBranch(branch('b1', 'f1', 10));
    await store.putBranch(branch('b2', 'f1', 20));
    await store.putBranch(branch('b3', 'f2', 30));
    expect(await store.getBranch('b2')).toEqual(branch('b2', 'f1', 20));
    expect(await store.getBranch('nope')).toBeUndefined();
    expect((await store.getBranches('f1')).map((b) => b.id)).toEqual(['b1', 'b2']);
  });

  it('reads segments one at a time and as an ordered inclusive range, per branch', async () => {
    const { store } = await openFresh();
    await store.commit({
      segments: [segment('b1', 2000), segment('b1', 0), segment('b1', 1000), segment('b10', 1000), segment('b1', 3000)],
    });
    expect(await store.getSegment('b1', 1000)).toEqual(segment('b1', 1000));
    expect(await store.getSegment('b1', 500)).toBeUndefined();
    expect((await store.getSegments('b1', 1000, 2000)).map((s) => [s.branchId, s.firstStep])).toEqual([
      ['b1', 1000],
      ['b1', 2000],
    ]);
    expect(await store.getSegments('b1', 2000, 1000)).toEqual([]);
  });

  it('keeps meta values by key, from setMeta and from a commit', async () => {
    const { store } = await openFresh();
    await store.setMeta('currentFlowId', 'f1');
    await store.commit({ meta: { currentBranchId: 'b1' } });
    expect(await store.getMeta('currentFlowId')).toBe('f1');
    expect(await store.getMeta('currentBranchId')).toBe('b1');
    expect(await store.getMeta('unset')).toBeUndefined();
  });

  it('commits segments, snapshots, branch and meta together', async () => {
    const { store } = await openFresh();
    await store.commit({
      segments: [segment('b1', 0)],
      snapshots: [snapshot('b1', 0)],
      branch: branch('b1', 'f1', 1000),
      meta: { currentBranchId: 'b1' },
    });
    expect(await store.getSegment('b1', 0)).toEqual(segment('b1', 0));
    expect(await store.latestSnapshot('b1', 0)).toEqual(snapshot('b1', 0));
    expect((await store.getBranch('b1'))?.head).toBe(1000);
    expect(await store.getMeta('currentBranchId')).toBe('b1');
  });

  it('keeps data across close and reopen at the same version', async () => {
    const { store, name } = await openFresh();
    await store.saveFlow({ id: 'f1', flow, savedAt: 1 });
    await store.commit({ segments: [segment('b1', 0)], branch: branch('b1', 'f1', 3) });
    store.close();
    const reopened = await openTidemarkStore(name);
    opened.push(reopened);
    expect((await reopened.loadFlow('f1'))?.ok).toBe(true);
    expect(await reopened.getSegment('b1', 0)).toEqual(segment('b1', 0));
    expect((await reopened.getBranch('b1'))?.head).toBe(3);
    const raw = await openDB(name);
    expect(raw.version).toBe(DB_VERSION);
    expect([...raw.objectStoreNames].sort()).toEqual(Object.values(StoreName).sort());
    raw.close();
  });
});

describe('latestSnapshot', () => {
  it('picks the greatest step at or before the asked step, without mixing b1 and b10', async () => {
    const { store } = await openFresh();
    await store.commit({
      snapshots: [
        snapshot('b1', 0),
        snapshot('b1', 4000),
        snapshot('b1', 8000),
        snapshot('b10', 5000),
        snapshot('b10', 6000),
      ],
    });
    expect((await store.latestSnapshot('b1', 7999))?.step).toBe(4000);
    expect((await store.latestSnapshot('b1', 8000))?.step).toBe(8000);
    expect((await store.latestSnapshot('b1', 100_000))?.step).toBe(8000);
    expect((await store.latestSnapshot('b1', 3999))?.step).toBe(0);
    expect(await store.latestSnapshot('b10', 4999)).toBeUndefined();
    expect(await store.latestSnapshot('b10', 5500)).toEqual(snapshot('b10', 5000));
    expect(await store.latestSnapshot('b1', -1)).toBeUndefined();
    expect(await store.latestSnapshot('b2', 9000)).toBeUndefined();
  });
});

describe('deleteFlowRun', () => {
  it("removes that flow's branches, segments and snapshots and nothing else", async () => {
    const { store } = await openFresh();
    await store.saveFlow({ id: 'f1', flow, savedAt: 1 });
    await store.putBranch(branch('b1', 'f1', 3));
    await store.putBranch(branch('b2', 'f1', 3));
    await store.putBranch(branch('b10', 'f2', 3));
    await store.commit({
      segments: [segment('b1', 0), segment('b2', 0), segment('b10', 0)],
      snapshots: [snapshot('b1', 0), snapshot('b2', 0), snapshot('b10', 0)],
    });

    await store.deleteFlowRun('f1');

    expect(await store.getBranches('f1')).toEqual([]);
    expect(await store.getSegment('b1', 0)).toBeUndefined();
    expect(await store.getSegment('b2', 0)).toBeUndefined();
    expect(await store.latestSnapshot('b1', 10)).toBeUndefined();
    expect((await store.loadFlow('f1'))?.ok).toBe(true);
    expect(await store.getBranch('b10')).toEqual(branch('b10', 'f2', 3));
    expect(await store.getSegment('b10', 0)).toEqual(segment('b10', 0));
    expect(await store.latestSnapshot('b10', 10)).toEqual(snapshot('b10', 0));
  });
});

describe('replaceRun', () => {
  /** Flow f1 with two branches, their segments and snapshots; flow f2 with one. */
  async function twoFlows(store: TidemarkStore): Promise<void> {
    await store.saveFlow({ id: 'f1', flow, savedAt: 1 });
    await store.putBranch(branch('b1', 'f1', 3));
    await store.putBranch(branch('b2', 'f1', 3));
    await store.putBranch(branch('b10', 'f2', 3));
    await store.commit({
      segments: [segment('b1', 0), segment('b2', 0), segment('b10', 0)],
      snapshots: [snapshot('b1', 0), snapshot('b2', 0), snapshot('b10', 0)],
      meta: { currentBranchId: 'b2' },
    });
  }

  it("puts the new flow record and branch in place of the flow's old run, and leaves other flows alone", async () => {
    const { store } = await openFresh();
    await twoFlows(store);
    const renamed = { ...flow, name: 'Renamed' };

    await store.replaceRun({
      flow: { id: 'f1', flow: renamed, savedAt: 2 },
      branch: branch('b3', 'f1', 0),
      meta: { currentBranchId: 'b3' },
    });

    expect(await store.loadFlow('f1')).toEqual({ ok: true, record: { id: 'f1', flow: renamed, savedAt: 2 } });
    expect(await store.getBranches('f1')).toEqual([branch('b3', 'f1', 0)]);
    expect(await store.getSegment('b1', 0)).toBeUndefined();
    expect(await store.latestSnapshot('b2', 10)).toBeUndefined();
    expect(await store.getMeta('currentBranchId')).toBe('b3');
    expect(await store.getBranch('b10')).toEqual(branch('b10', 'f2', 3));
    expect(await store.getSegment('b10', 0)).toEqual(segment('b10', 0));
  });

  it('refused at any write (a full quota), leaves every store byte for byte as it was', async () => {
    for (const nth of [1, 2, 3]) {
      const { store, name } = await openFresh();
      await twoFlows(store);
      const before = serialize(await storedContents(name)).toString('base64');
      const stop = refusePutsFrom(nth);
      try {
        const replaced = store.replaceRun({
          flow: { id: 'f1', flow: { ...flow, name: 'Renamed' }, savedAt: 2 },
          branch: branch('b3', 'f1', 0),
          meta: { currentBranchId: 'b3' },
        });
        await expect(replaced).rejects.toMatchObject({ kind: StorageErrorKind.Quota });
      } finally {
        stop();
      }
      expect(serialize(await storedContents(name)).toString('base64')).toBe(before);
    }
  });
});

describe('deleteBranch', () => {
  it("removes that branch's record, segments and snapshots, sets meta with it, and leaves b10 alone", async () => {
    const { store } = await openFresh();
    await store.putBranch(branch('b1', 'f1', 3));
    await store.putBranch(branch('b10', 'f1', 3));
    await store.commit({
      segments: [segment('b1', 0), segment('b1', 1000), segment('b10', 0)],
      snapshots: [snapshot('b1', 0), snapshot('b1', 1000), snapshot('b10', 0)],
      meta: { currentBranchId: 'b1' },
    });
    await store.deleteBranch('b1', { currentBranchId: 'b10' });
    expect(await store.getBranch('b1')).toBeUndefined();
    expect(await store.getSegments('b1', 0, 5000)).toEqual([]);
    expect(await store.latestSnapshot('b1', 5000)).toBeUndefined();
    expect(await store.getMeta('currentBranchId')).toBe('b10');
    expect(await store.getBranch('b10')).toEqual(branch('b10', 'f1', 3));
    expect(await store.getSegment('b10', 0)).toEqual(segment('b10', 0));
    expect(await store.latestSnapshot('b10', 10)).toEqual(snapshot('b10', 0));
  });

  it('keeps markers and bookmarks with the branch record', async () => {
    const { store } = await openFresh();
    const marked = {
      ...branch('b1', 'f1', 300),
      markers: { error: { steps: [4, 90], total: 2 } },
      bookmarks: [{ step: 40, label: 'before the crash' }],
    };
    await store.putBranch(marked);
    expect(await store.getBranch('b1')).toEqual(marked);
  });
});

describe('a corrupt stored flow', () => {
  it('loads as not ok, naming the path and reason, and is left in place', async () => {
    const { store, name } = await openFresh();
    const bad = { id: 'f1', flow: { ...flow, nodes: [{ ...flow.nodes[0], rate: -1 }, flow.nodes[1]] }, savedAt: 5 };
    const raw = await openDB(name);
    await raw.put(StoreName.Flows, bad);

    const loaded = await store.loadFlow('f1');
    expect(loaded).toEqual({ ok: false, reason: expect.stringContaining('nodes[0].rate: must be 0 or more') });
    expect(await raw.get(StoreName.Flows, 'f1')).toEqual(bad);
    raw.close();
  });
  it('loads as not ok when it nests too deep or holds a "__proto__" key, naming where', async () => {
    const { store, name } = await openFresh();
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = { a: deep };
    const raw = await openDB(name);
    await raw.put(StoreName.Flows, {
      id: 'deep',
      flow: { ...flow, nodes: [{ ...flow.nodes[0], payload: deep }, flow.nodes[1]] },
      savedAt: 5,
    });
    await raw.put(StoreName.Flows, {
      id: 'proto',
      flow: {
        ...flow,
        nodes: [{ ...flow.nodes[0], payload: JSON.parse('{"__proto__": {"x": 1}}') as unknown }, flow.nodes[1]],
      },
      savedAt: 5,
    });
    raw.close();

    expect(await store.loadFlow('deep')).toEqual({
      ok: false,
      reason: expect.stringMatching(/^nodes\[0\]\.payload\.a\.a.*: nesting deeper than 64 levels$/),
    });
    expect(await store.loadFlow('proto')).toEqual({
      ok: false,
      reason: expect.stringContaining('nodes[0].payload.__proto__: a key "__proto__" is not allowed'),
    });
  });
});

describe('a failed commit', () => {
  it('rejects with StorageError and leaves what was stored before unchanged', async () => {
    const { store } = await openFresh();
    await store.commit({
      segments: [segment('b1', 0, 'before')],
      snapshots: [snapshot('b1', 0)],
      branch: branch('b1', 'f1', 3),
    });

    const uncloneable = {
      ...segment('b1', 1000),
      records: [{ ...steps(1000, 1)[0], summary: () => 'no' }],
    } as unknown as SegmentRecord;
    const failed = store.commit({
      segments: [segment('b1', 0, 'after'), uncloneable],
      snapshots: [snapshot('b1', 1000)],
      branch: branch('b1', 'f1', 2000),
      meta: { currentBranchId: 'b1' },
    });

    await expect(failed).rejects.toBeInstanceOf(StorageError);
    await expect(failed).rejects.toMatchObject({ kind: StorageErrorKind.Failed });
    expect(await store.getSegment('b1', 0)).toEqual(segment('b1', 0, 'before'));
    expect(await store.getSegment('b1', 1000)).toBeUndefined();
    expect((await store.latestSnapshot('b1', 5000))?.step).toBe(0);
    expect((await store.getBranch('b1'))?.head).toBe(3);
    expect(await store.getMeta('currentBranchId')).toBeUndefined();
  });

  it('rolls back earlier writes of the batch when a late value fails', async () => {
    const { store } = await openFresh();
    await store.commit({ segments: [segment('b1', 0, 'before')], branch: branch('b1', 'f1', 3) });

    const failed = store.commit({
      segments: [segment('b1', 0, 'after')],
      meta: { bad: () => 'no' },
      branch: branch('b1', 'f1', 1000),
    });

    await expect(failed).rejects.toBeInstanceOf(StorageError);
    expect(await store.getSegment('b1', 0)).toEqual(segment('b1', 0, 'before'));
    expect((await store.getBranch('b1'))?.head).toBe(3);
  });
});
