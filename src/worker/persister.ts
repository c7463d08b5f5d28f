import type { StepRecord } from '../engine';
import type { BranchRecord, FlowRecord, SegmentRecord, SnapshotRecord, StoredSegment, TidemarkStore } from '../storage';
import { decodeSteps, segmentEnd, segmentStart, StepEncoder, StorageError } from '../storage';
import type { Timers } from './timers';

// Writes are batched: steps are encoded into their segment as they are recorded (so the record
// objects die young), and a flush at most every FLUSH_MS commits the dirty segments, new snapshots
// and the branch (with its head, and the flow record of an edit it records) in one transaction, so
// the stored head never runs ahead of the stored steps.
const FLUSH_MS = 100;
/** Segments per IndexedDB transaction: an encoded segment clones in well under a millisecond. */
const SEGMENTS_PER_COMMIT = 64;
/** Decoded segments kept for the log table; the rest are decoded again from memory or storage. */
const DECODED_SEGMENTS = 16;

const segmentKey = (branchId: string, firstStep: number): string => `${branchId}@${firstStep}`;

/** A segment still being written: its steps so far, encoded. */
interface OpenSegment {
  readonly key: string;
  readonly branchId: string;
  readonly firstStep: number;
  readonly end: number;
  readonly encoder: StepEncoder;
  /** Steps already in storage. */
  stored: number;
}

export class Persister {
  /** Segments with steps not yet stored (the one being appended to among them). */
  private readonly unstored = new Map<string, OpenSegment>();
  private readonly decodedCache = new Map<string, { count: number; records: StepRecord[] }>();
  private open: OpenSegment | undefined;
  private snapshots: SnapshotRecord[] = [];
  private branch: BranchRecord | undefined;
  private flowRecord: FlowRecord | undefined;
  private flushing: Promise<void> | undefined;
  /** Cancels the flush scheduled by `schedule`; undefined when none is. */
  private cancelFlush: (() => void) | undefined;
  /** Set after a failed write; cleared when the person resumes (or what failed is discarded), so a full disk is not retried in a loop. */
  private failed = false;
  /** Failed writes so far, and the last one's error: a flush reports a failure that happened while it waited. */
  private failures = 0;
  private lastError: StorageError | undefined;

  /** `onError` is awaited before the failed flush resolves, so it can put the run back to what storage holds first. */
  constructor(
    private readonly store: TidemarkStore | undefined,
    private readonly onError: (error: StorageError) => void | Promise<void>,
    private readonly timers: Timers,
  ) {}

  append(branch: BranchRecord, record: StepRecord): void {
    // The open segment is kept in hand: appends are per step, the lookups per segment.
    let open = this.open;
    if (
      !open ||
      open.branchId !== branch.id ||
      record.step >= open.end ||
      record.step < open.firstStep + open.encoder.count
    ) {
      const first = segmentStart(record.step, branch.forkStep);
      const key = segmentKey(branch.id, first);
      const end = segmentEnd(first);
      open = this.unstored.get(key);
      if (!open || record.step !== first + open.encoder.count) {
        open = {
          key,
          branchId: branch.id,
          firstStep: first,
          end,
          encoder: new StepEncoder(first, end - first),
          stored: 0,
        };
        // Continuing a stored segment that continueSegment was not given: read back lately, it is whole again here.
        const before = this.decodedCache.get(key);
        if (before && before.count >= record.step - first)
          for (const earlier of before.records.slice(0, record.step - first)) open.encoder.add(earlier);
        this.unstored.set(key, open);
      }
      this.open = open;
    }
    open.encoder.add(record);
    this.schedule();
  }

  addSnapshot(snapshot: SnapshotRecord): void {
    this.snapshots.push(snapshot);
    this.schedule();
  }

  saveBranch(branch: BranchRecord): void {
    this.branch = branch;
    this.schedule();
  }

  /** The flow record of an edit: stored with the branch that records it, in the same transaction. */
  saveFlow(record: FlowRecord): void {
    this.flowRecord = record;
    this.schedule();
  }

  /** True when the segment starting at `firstStep` is in memory with at least `steps` steps. */
  holdsSegment(branchId: string, firstStep: number, steps: number): boolean {
    return (this.unstored.get(segmentKey(branchId, firstStep))?.encoder.count ?? 0) >= steps;
  }

  /**
   * Keeps the stored steps of the segment a branch's head is in, so its next fresh step continues that
   * segment: written afresh from its first step, it would overwrite them.
   */
  continueSegment(branchId: string, firstStep: number, records: readonly StepRecord[]): void {
    const key = segmentKey(branchId, firstStep);
    const end = segmentEnd(firstStep);
    const encoder = new StepEncoder(firstStep, end - firstStep);
    for (const record of records) encoder.add(record);
    if (this.open?.key === key) this.open = undefined;
    this.decodedCache.delete(key);
    this.unstored.set(key, { key, branchId, firstStep, end, encoder, stored: records.length });
  }

  /**
   * After a failed write, drops everything this branch has not stored (steps past its stored head,
   * its pending snapshots, its branch record, an edit's flow record); `headSegment` is the stored
   * start of the segment its stored head is in, to go on from. Nothing is left to retry, so a full
   * disk is not written to in a loop.
   */
  discardUnstored(branchId: string, headSegment?: { firstStep: number; records: readonly StepRecord[] }): void {
    if (this.open?.branchId === branchId) this.open = undefined;
    // Every segment before the head's is whole in storage: the stored head is past it.
    for (const [key, segment] of this.unstored) if (segment.branchId === branchId) this.unstored.delete(key);
    for (const key of this.decodedCache.keys()) if (key.startsWith(`${branchId}@`)) this.decodedCache.delete(key);
    if (headSegment) this.continueSegment(branchId, headSegment.firstStep, headSegment.records);
    // Even those at or before the head: a snapshot only shortens a seek's replay, and kept it would be retried.
    this.snapshots = this.snapshots.filter((s) => s.branchId !== branchId);
    if (this.branch?.id === branchId) this.branch = undefined;
    this.flowRecord = undefined;
    // Later writes (an edit, a step) are tried at once; another branch's, if any, wait for resume().
    if (!this.pending()) this.failed = false;
  }

  /** The record of a step if its segment is in memory (not yet stored, or decoded lately). */
  cached(branchId: string, forkStep: number, step: number): StepRecord | undefined {
    const first = segmentStart(step, forkStep);
    const key = segmentKey(branchId, first);
    const open = this.unstored.get(key);
    let decoded = this.decodedCache.get(key);
    if (open && decoded?.count !== open.encoder.count) {
      decoded = { count: open.encoder.count, records: decodeSteps(first, open.encoder.encode()) };
      this.keepDecoded(key, decoded);
    }
    return decoded?.records[step - first];
  }

  /** Keeps a segment read from storage for the log table. */
  remember(segment: SegmentRecord): void {
    this.keepDecoded(segmentKey(segment.branchId, segment.firstStep), {
      count: segment.records.length,
      records: segment.records,
    });
  }

  forgetBranch(branchId: string): void {
    if (this.open?.branchId === branchId) this.open = undefined;
    for (const [key, segment] of this.unstored) if (segment.branchId === branchId) this.unstored.delete(key);
    for (const key of this.decodedCache.keys()) if (key.startsWith(`${branchId}@`)) this.decodedCache.delete(key);
    this.snapshots = this.snapshots.filter((s) => s.branchId !== branchId);
    if (this.branch?.id === branchId) this.branch = undefined;
  }

  resume(): void {
    this.failed = false;
    this.schedule();
  }

  private keepDecoded(key: string, entry: { count: number; records: StepRecord[] }): void {
    this.decodedCache.delete(key);
    this.decodedCache.set(key, entry);
    // Oldest first: a Map iterates in insertion order.
    for (const old of this.decodedCache.keys()) {
      if (this.decodedCache.size <= DECODED_SEGMENTS) break;
      this.decodedCache.delete(old);
    }
  }

  private schedule(): void {
    if (this.cancelFlush !== undefined || this.failed || !this.store) return;
    this.cancelFlush = this.timers.after(FLUSH_MS, () => {
      this.cancelFlush = undefined;
      void this.flush();
    });
  }

  private pending(): boolean {
    return (
      this.snapshots.length > 0 ||
      this.branch !== undefined ||
      this.flowRecord !== undefined ||
      [...this.unstored.values()].some((s) => s.encoder.count > s.stored)
    );
  }

  /**
   * Commits everything pending; resolves once it is stored, or with the error of a write that failed
   * meanwhile (this one's or one already under way), after it was reported.
   */
  async flush(): Promise<StorageError | undefined> {
    const failures = this.failures;
    while (this.flushing) await this.flushing;
    const failedMeanwhile = (): StorageError | undefined => (this.failures === failures ? undefined : this.lastError);
    if (!this.store) return undefined;
    if (this.failed) return this.lastError;
    const dirty = [...this.unstored.values()].filter((s) => s.encoder.count > s.stored);
    const snapshots = this.snapshots;
    const branch = this.branch;
    const flowRecord = this.flowRecord;
    if (dirty.length === 0 && snapshots.length === 0 && !branch && !flowRecord) return failedMeanwhile();
    this.snapshots = [];
    this.branch = undefined;
    this.flowRecord = undefined;
    this.flushing = this.commitInChunks(this.store, dirty, snapshots, branch, flowRecord);
    await this.flushing;
    this.flushing = undefined;
    if (this.pending()) this.schedule();
    return failedMeanwhile();
  }

  /**
   * Writes the segments a few dozen at a time (IndexedDB clones values synchronously); the branch
   * and its head go with the last chunk, so the stored head never runs ahead of the stored steps.
   */
  private async commitInChunks(
    store: TidemarkStore,
    dirty: OpenSegment[],
    snapshots: SnapshotRecord[],
    branch: BranchRecord | undefined,
    flowRecord: FlowRecord | undefined,
  ): Promise<void> {
    for (let i = 0; i === 0 || i < dirty.length; i += SEGMENTS_PER_COMMIT) {
      const chunk = dirty.slice(i, i + SEGMENTS_PER_COMMIT);
      const last = i + SEGMENTS_PER_COMMIT >= dirty.length;
      // encode() copies: the open segment keeps growing while the transaction clones it.
      const counts = chunk.map((s) => s.encoder.count);
      const segments: StoredSegment[] = chunk.map((s) => ({
        branchId: s.branchId,
        firstStep: s.firstStep,
        steps: s.encoder.encode(),
      }));
      try {
        await store.commit({
          segments,
          ...(last
            ? {
                snapshots,
                ...(branch ? { branch: structuredClone(branch) } : {}),
                ...(flowRecord ? { flow: flowRecord } : {}),
              }
            : {}),
        });
      } catch (error) {
        // Kept pending until onError decides: written once there is room again, or discarded with the steps.
        this.snapshots = [...snapshots, ...this.snapshots];
        this.branch ??= branch;
        this.flowRecord ??= flowRecord;
        this.failed = true;
        this.failures++;
        this.lastError =
          error instanceof StorageError ? error : new StorageError('failed', String(error), { cause: error });
        await this.onError(this.lastError);
        return;
      }
      chunk.forEach((segment, n) => {
        segment.stored = counts[n]!;
        // A full, stored segment leaves memory; storage has it now.
        if (segment.stored === segment.end - segment.firstStep && this.unstored.get(segment.key) === segment) {
          this.unstored.delete(segment.key);
          if (this.open === segment) this.open = undefined;
        }
      });
    }
  }
}
