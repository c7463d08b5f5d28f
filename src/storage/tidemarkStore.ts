import { openDB } from 'idb';
import { describeProblems, validateFlow } from '../flow';
import { atomicWrite, type WriteTransaction } from './atomicWrite';
import type { BranchRecord, FlowRecord, SegmentRecord, SnapshotRecord, StoredSegment } from './records';
import { decodeSteps } from './stepCodec';
import { SnapshotPacker, topicSegmentRange, topicSegmentRecords, type PackedSegment } from './snapshotPacking';
import type { KafkaRecord } from '../engine';
import { BRANCHES_BY_FLOW, DB_NAME, DB_VERSION, StoreName, upgrade, type TidemarkSchema } from './schema';

/** A stored flow that passed validation, or why it did not. */
type FlowLoad = { ok: true; record: FlowRecord } | { ok: false; reason: string };

/** Everything one batch writes; it lands whole or not at all. */
export interface CommitBatch {
  /** Encoded segments (the persister's) or plain ones. */
  segments?: (StoredSegment | SegmentRecord)[];
  snapshots?: SnapshotRecord[];
  branch?: BranchRecord;
  /** A flow edit goes with the branch that records it. */
  flow?: FlowRecord;
  meta?: Record<string, unknown>;
}

/** A new run in place of a flow's old one: its flow record and first branch, and whatever else the batch holds. */
type RunReplacement = CommitBatch & { flow: FlowRecord; branch: BranchRecord };

export interface TidemarkStore {
  saveFlow(record: FlowRecord): Promise<void>;
  /** null when no flow has that id; a stored flow that fails validation is reported, never thrown or overwritten. */
  loadFlow(id: string): Promise<FlowLoad | null>;
  putBranch(record: BranchRecord): Promise<void>;
  getBranch(id: string): Promise<BranchRecord | undefined>;
  /** A flow's branches in the order they were created. */
  getBranches(flowId: string): Promise<BranchRecord[]>;
  /** Deletes a flow's branches with their segments and snapshots; the flow itself stays. */
  deleteFlowRun(flowId: string): Promise<void>;
  /** Deletes one branch with its segments and snapshots, writing `meta` in the same transaction. */
  deleteBranch(branchId: string, meta?: Record<string, unknown>): Promise<void>;
  getSegment(branchId: string, firstStep: number): Promise<SegmentRecord | undefined>;
  /** Segments whose first step lies in [fromFirstStep, toFirstStep], in step order. */
  getSegments(branchId: string, fromFirstStep: number, toFirstStep: number): Promise<SegmentRecord[]>;
  /** The snapshot with the greatest step ≤ atOrBeforeStep on that branch. */
  latestSnapshot(branchId: string, atOrBeforeStep: number): Promise<SnapshotRecord | undefined>;
  /** Writes the batch in one transaction, so a branch's head never gets ahead of its segments. */
  commit(batch: CommitBatch): Promise<void>;
  /** Deletes the flow's run (as deleteFlowRun) and writes the replacement, in one transaction: all of it lands or none. */
  replaceRun(replacement: RunReplacement): Promise<void>;
  getMeta(key: string): Promise<unknown>;
  setMeta(key: string, value: unknown): Promise<void>;
  close(): void;
}

/** A stored segment with its records decoded. */
function decoded(stored: StoredSegment | undefined): SegmentRecord | undefined {
  if (!stored) return undefined;
  const { branchId, firstStep } = stored;
  return { branchId, firstStep, records: stored.steps ? decodeSteps(firstStep, stored.steps) : stored.records };
}

/** Every key of one branch in a store keyed by [branchId, step]. */
function wholeBranch(branchId: string): IDBKeyRange {
  return IDBKeyRange.bound([branchId, -Infinity], [branchId, Infinity]);
}

const RUN_STORES = [
  StoreName.Flows,
  StoreName.Branches,
  StoreName.Segments,
  StoreName.Snapshots,
  StoreName.TopicSegments,
  StoreName.Meta,
];
type RunTransaction = WriteTransaction<typeof RUN_STORES>;

/** Deletes a flow's branches with their segments, snapshots and topic segments, inside `tx`. */
async function deleteRun(tx: RunTransaction, pending: Promise<unknown>[], flowId: string): Promise<void> {
  const branches = tx.objectStore(StoreName.Branches);
  const ids = await branches.index(BRANCHES_BY_FLOW).getAllKeys(flowId);
  for (const id of ids) {
    pending.push(branches.delete(id));
    pending.push(tx.objectStore(StoreName.Segments).delete(wholeBranch(id)));
    pending.push(tx.objectStore(StoreName.Snapshots).delete(wholeBranch(id)));
    pending.push(tx.objectStore(StoreName.TopicSegments).delete(topicSegmentRange(id)));
  }
}

/** Puts everything a batch holds, inside `tx`; returns the topic segments it packed, to confirm once committed. */
function writeBatch(
  tx: RunTransaction,
  pending: Promise<unknown>[],
  batch: CommitBatch,
  packer: SnapshotPacker,
): PackedSegment[] {
  const written: PackedSegment[] = [];
  if (batch.flow) pending.push(tx.objectStore(StoreName.Flows).put(batch.flow));
  for (const segment of batch.segments ?? []) pending.push(tx.objectStore(StoreName.Segments).put(segment));
  const packed = new Map<readonly KafkaRecord[], string>();
  for (const snapshot of batch.snapshots ?? []) {
    const { stored, segments } = packer.pack(snapshot, packed);
    for (const segment of segments) pending.push(tx.objectStore(StoreName.TopicSegments).put(segment.record));
    written.push(...segments);
    pending.push(tx.objectStore(StoreName.Snapshots).put(stored));
  }
  for (const [key, value] of Object.entries(batch.meta ?? {}))
    pending.push(tx.objectStore(StoreName.Meta).put(value, key));
  if (batch.branch) pending.push(tx.objectStore(StoreName.Branches).put(batch.branch));
  return written;
}

/** Opens (creating or upgrading if needed) the Tidemark database. Write failures reject with StorageError. */
export async function openTidemarkStore(name: string = DB_NAME): Promise<TidemarkStore> {
  const db = await openDB<TidemarkSchema>(name, DB_VERSION, {
    upgrade: (database, oldVersion) => upgrade(database, oldVersion),
    // a newer version in another tab is waiting to upgrade; holding on would block it forever
    blocking: () => db.close(),
  });

  const packer = new SnapshotPacker();

  return {
    saveFlow: (record) =>
      atomicWrite(db, [StoreName.Flows], (tx, pending) => {
        pending.push(tx.objectStore(StoreName.Flows).put(record));
      }),

    async loadFlow(id) {
      const record = await db.get(StoreName.Flows, id);
      if (record === undefined) return null;
      const result = validateFlow(record.flow);
      if (!result.ok) return { ok: false, reason: describeProblems(result.problems) };
      return { ok: true, record: { ...record, flow: result.flow } };
    },

    putBranch: (record) =>
      atomicWrite(db, [StoreName.Branches], (tx, pending) => {
        pending.push(tx.objectStore(StoreName.Branches).put(record));
      }),

    getBranch: (id) => db.get(StoreName.Branches, id),

    // Keys are random ids: order by creation so the branch list reads the same after a reload.
    getBranches: async (flowId) =>
      (await db.getAllFromIndex(StoreName.Branches, BRANCHES_BY_FLOW, flowId)).sort(
        (a, b) => (a.createdOrder ?? 0) - (b.createdOrder ?? 0),
      ),

    deleteFlowRun: (flowId) => atomicWrite(db, RUN_STORES, (tx, pending) => deleteRun(tx, pending, flowId)),

    // Its topic segments stay: its parent's later snapshots may name segments it wrote first (they go with Reset run).
    deleteBranch: (branchId, meta) =>
      atomicWrite(db, [StoreName.Branches, StoreName.Segments, StoreName.Snapshots, StoreName.Meta], (tx, pending) => {
        pending.push(tx.objectStore(StoreName.Branches).delete(branchId));
        pending.push(tx.objectStore(StoreName.Segments).delete(wholeBranch(branchId)));
        pending.push(tx.objectStore(StoreName.Snapshots).delete(wholeBranch(branchId)));
        for (const [key, value] of Object.entries(meta ?? {}))
          pending.push(tx.objectStore(StoreName.Meta).put(value, key));
      }),

    getSegment: async (branchId, firstStep) => decoded(await db.get(StoreName.Segments, [branchId, firstStep])),

    async getSegments(branchId, fromFirstStep, toFirstStep) {
      if (fromFirstStep > toFirstStep) return [];
      return (
        await db.getAll(StoreName.Segments, IDBKeyRange.bound([branchId, fromFirstStep], [branchId, toFirstStep]))
      ).map((s) => decoded(s)!);
    },

    async latestSnapshot(branchId, atOrBeforeStep) {
      if (atOrBeforeStep < 0) return undefined;
      const range = IDBKeyRange.bound([branchId, 0], [branchId, atOrBeforeStep]);
      const tx = db.transaction([StoreName.Snapshots, StoreName.TopicSegments]);
      const cursor = await tx.objectStore(StoreName.Snapshots).openCursor(range, 'prev');
      if (!cursor) return undefined;
      const stored = cursor.value;
      const segments = tx.objectStore(StoreName.TopicSegments);
      const read = new Map<string, readonly KafkaRecord[]>();
      await Promise.all(
        packer.missing(stored).map(async (id) => {
          const segment = await segments.get(id);
          if (segment) read.set(id, topicSegmentRecords(segment));
        }),
      );
      return packer.unpack(stored, read);
    },

    async commit(batch) {
      let written: PackedSegment[] = [];
      await atomicWrite(db, RUN_STORES, (tx, pending) => {
        written = writeBatch(tx, pending, batch, packer);
      });
      // Only once the transaction has committed: a failed write leaves the segments to be written again.
      packer.confirm(written);
    },

    async replaceRun(replacement) {
      let written: PackedSegment[] = [];
      // The deletes and the writes share one transaction: a refused write (a full quota) undoes the deletes too.
      await atomicWrite(db, RUN_STORES, async (tx, pending) => {
        await deleteRun(tx, pending, replacement.flow.id);
        written = writeBatch(tx, pending, replacement, packer);
      });
      packer.confirm(written);
    },

    getMeta: (key) => db.get(StoreName.Meta, key),

    setMeta: (key, value) =>
      atomicWrite(db, [StoreName.Meta], (tx, pending) => {
        pending.push(tx.objectStore(StoreName.Meta).put(value, key));
      }),

    close: () => db.close(),
  };
}
