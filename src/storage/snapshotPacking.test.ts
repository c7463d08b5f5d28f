import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { Runtime } from '../run';
import { validateFlow, type FlowDocument } from '../flow';
import type { SnapshotRecord } from './records';
import { StoreName } from './schema';
import type { StoredSnapshot, TopicSegmentRecord } from './snapshotPacking';
import { decodeTopicRecords } from './topicRecordCodec';
import { openTidemarkStore, type TidemarkStore } from './tidemarkStore';

function referenceFlow(): FlowDocument {
  const result = validateFlow(JSON.parse(readFileSync('bench/reference-flow.json', 'utf8')));
  if (!result.ok) throw new Error('bench/reference-flow.json does not validate');
  return result.flow;
}

/** Snapshots of one run of the reference flow (6 partitions, 100 records a segment) every `every` steps. */
function snapshotsOf(branchId: string, count: number, every: number): SnapshotRecord[] {
  const runtime = Runtime.start(referenceFlow());
  const out: SnapshotRecord[] = [];
  for (let i = 1; i <= count; i++) {
    for (let s = 0; s < every; s++) runtime.step();
    out.push({ branchId, step: runtime.state.step, snapshot: runtime.snapshot() });
  }
  return out;
}

const opened: TidemarkStore[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

async function openFresh(): Promise<{ store: TidemarkStore; name: string }> {
  const name = `tidemark-packing-${crypto.randomUUID()}`;
  const store = await openTidemarkStore(name);
  opened.push(store);
  return { store, name };
}

/**
 * Stores one snapshot, lets `rewrite` change the raw records as an earlier version or a damaged
 * disk would have left them, and opens the store again.
 */
async function storedThenRewritten(
  rewrite: (db: IDBPDatabase) => Promise<void>,
): Promise<{ snapshot: SnapshotRecord; reopened: TidemarkStore }> {
  const { store, name } = await openFresh();
  const [snapshot] = snapshotsOf('b1', 1, 6000);
  await store.commit({ snapshots: [snapshot!] });
  store.close();
  const db = await openDB(name);
  await rewrite(db);
  db.close();
  const reopened = await openTidemarkStore(name);
  opened.push(reopened);
  return { snapshot: snapshot!, reopened };
}

async function countTopicSegments(name: string): Promise<number> {
  const db = await openDB(name);
  const n = await db.count(StoreName.TopicSegments);
  db.close();
  return n;
}

describe('stored snapshots name closed topic segments instead of copying them', () => {
  it('gives back exactly the snapshot stored, in a fresh store too', async () => {
    const { store, name } = await openFresh();
    const [first, second] = snapshotsOf('b1', 2, 6000);
    await store.commit({ snapshots: [first!, second!] });
    for (const s of [first!, second!])
      expect(JSON.stringify(await store.latestSnapshot('b1', s.step))).toBe(JSON.stringify(s));
    store.close();
    const reopened = await openTidemarkStore(name);
    opened.push(reopened);
    expect(JSON.stringify(await reopened.latestSnapshot('b1', second!.step))).toBe(JSON.stringify(second));
    // A runtime restored from it runs on exactly as the original.
    const restored = Runtime.restore((await reopened.latestSnapshot('b1', second!.step))!.snapshot);
    const original = Runtime.restore(second!.snapshot);
    for (let i = 0; i < 3000; i++) expect(JSON.stringify(restored.step())).toBe(JSON.stringify(original.step()));
  });

  it('writes a closed segment once, however many snapshots hold it', async () => {
    const { store, name } = await openFresh();
    const snapshots = snapshotsOf('b1', 4, 5000);
    await store.commit({ snapshots: snapshots.slice(0, 1) });
    const afterOne = await countTopicSegments(name);
    expect(afterOne).toBeGreaterThan(5);
    await store.commit({ snapshots: snapshots.slice(1) });
    const closed = new Set<unknown>();
    for (const s of snapshots)
      for (const topic of Object.values(s.snapshot.state.kafka.topics))
        for (const log of topic.partitions)
          log.segments.slice(0, -1).forEach((seg) => seg.records.length > 0 && closed.add(seg.records));
    expect(await countTopicSegments(name)).toBe(closed.size);
  });

  it('stores topic records encoded, the active segments with the snapshot, no record objects', async () => {
    const { store, name } = await openFresh();
    const [snapshot] = snapshotsOf('b1', 1, 6000);
    await store.commit({ snapshots: [snapshot!] });
    const db = await openDB(name);
    const raw = (await db.getAll(StoreName.Snapshots))[0] as StoredSnapshot;
    const segments = (await db.getAll(StoreName.TopicSegments)) as TopicSegmentRecord[];
    db.close();
    const partitions = Object.values(raw.snapshot.state.kafka.topics).flatMap((t) => t.partitions);
    expect(partitions.flatMap((p) => p.segments.map((s) => s.records.length))).toEqual(
      partitions.flatMap((p) => p.segments.map(() => 0)),
    );
    const active = partitions.filter((p) => p.segments.at(-1)!.baseOffset < p.logEndOffset).length;
    expect(active).toBeGreaterThan(0);
    expect(raw.activeSegments?.length).toBe(active);
    expect(segments.length).toBeGreaterThan(0);
    for (const segment of segments) {
      expect(segment.records).toBeUndefined();
      expect(segment.encoded?.objects).toEqual([]);
    }
  });

  it('loads snapshots stored before topic records were encoded', async () => {
    // Back to the earlier layout: record objects in the topic segments, the active ones inline.
    const { snapshot, reopened } = await storedThenRewritten(async (db) => {
      for (const segment of (await db.getAll(StoreName.TopicSegments)) as TopicSegmentRecord[])
        await db.put(StoreName.TopicSegments, { id: segment.id, records: decodeTopicRecords(segment.encoded!) });
      const raw = (await db.getAll(StoreName.Snapshots))[0] as StoredSnapshot;
      for (const ref of raw.activeSegments!)
        raw.snapshot.state.kafka.topics[ref.topic]!.partitions[ref.partition]!.segments[ref.segment]!.records =
          decodeTopicRecords(ref.encoded);
      delete raw.activeSegments;
      await db.put(StoreName.Snapshots, raw);
    });
    expect(JSON.stringify(await reopened.latestSnapshot('b1', snapshot.step))).toBe(JSON.stringify(snapshot));
  });

  it('refuses a snapshot whose topic segment holds no records, rather than restoring it without them', async () => {
    let damagedId = '';
    const { snapshot, reopened } = await storedThenRewritten(async (db) => {
      const [damaged] = (await db.getAll(StoreName.TopicSegments)) as TopicSegmentRecord[];
      damagedId = damaged!.id;
      await db.put(StoreName.TopicSegments, { id: damagedId });
    });
    await expect(reopened.latestSnapshot('b1', snapshot.step)).rejects.toThrow(
      `stored topic segment ${damagedId} holds no records`,
    );
  });

  it('a failed commit stores nothing, and the segments are written with the next one', async () => {
    const { store, name } = await openFresh();
    const [snapshot] = snapshotsOf('b1', 1, 3000);
    const poisoned = {
      ...snapshot!,
      snapshot: {
        ...snapshot!.snapshot,
        state: { ...snapshot!.snapshot.state, nodes: { x: { counters: {}, sequence: 0, data: { f: () => 1 } } } },
      },
    } as unknown as SnapshotRecord;
    await expect(store.commit({ snapshots: [poisoned] })).rejects.toThrow();
    expect(await countTopicSegments(name)).toBe(0);
    await store.commit({ snapshots: [snapshot!] });
    expect(JSON.stringify(await store.latestSnapshot('b1', snapshot!.step))).toBe(JSON.stringify(snapshot));
  });

  it('Reset run deletes the topic segments of the flow’s branches', async () => {
    const { store, name } = await openFresh();
    await store.putBranch({
      id: 'b1',
      flowId: 'current',
      name: 'main',
      parentId: null,
      forkStep: 0,
      baseFlow: referenceFlow(),
      inputs: [],
      head: 3000,
    });
    await store.commit({ snapshots: snapshotsOf('b1', 1, 3000) });
    expect(await countTopicSegments(name)).toBeGreaterThan(0);
    await store.deleteFlowRun('current');
    expect(await countTopicSegments(name)).toBe(0);
  });

  it('a version 1 database is upgraded and its snapshots, with records inline, still load', async () => {
    const name = `tidemark-v1-${crypto.randomUUID()}`;
    const [snapshot] = snapshotsOf('b1', 1, 3000);
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore(StoreName.Flows, { keyPath: 'id' });
        db.createObjectStore(StoreName.Branches, { keyPath: 'id' }).createIndex('byFlow', 'flowId');
        db.createObjectStore(StoreName.Segments, { keyPath: ['branchId', 'firstStep'] });
        db.createObjectStore(StoreName.Snapshots, { keyPath: ['branchId', 'step'] });
        db.createObjectStore(StoreName.Meta);
      },
    });
    await v1.put(StoreName.Snapshots, snapshot);
    v1.close();
    const store = await openTidemarkStore(name);
    opened.push(store);
    expect(JSON.stringify(await store.latestSnapshot('b1', snapshot!.step))).toBe(JSON.stringify(snapshot));
  });
});
