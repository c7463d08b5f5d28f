import type { StepRecord } from '../engine';
import type { BranchRecord, SegmentRecord, SnapshotRecord, TidemarkStore } from '../storage';
import { segmentEnd, segmentStart, StorageError } from '../storage';

// Writes are batched: records go into segment buffers and a flush at most every FLUSH_MS commits the
// dirty segments, new snapshots and the branch (with its head) in one transaction, so the stored
// head never runs ahead of the stored steps.
const FLUSH_MS = 100;
/** Segments per IndexedDB transaction: each is ~1 ms of synchronous cloning. */
const SEGMENTS_PER_COMMIT = 16;
/** Flushed segments kept in memory for the log table; older ones are read back from storage. */
const CACHED_SEGMENTS = 200;

const segmentKey = (branchId: string, firstStep: number): string => `${branchId}@${firstStep}`;

export class Persister {
  private readonly segments = new Map<string, SegmentRecord>();
  private readonly dirty = new Set<string>();
  private open: { segment: SegmentRecord; key: string; end: number } | undefined;
  private snapshots: SnapshotRecord[] = [];
  private branch: BranchRecord | undefined;
  private flushing: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Set after a failed write; cleared when the person resumes, so a full disk is not retried in a loop. */
  private failed = false;

  constructor(
    private readonly store: TidemarkStore | undefined,
    private readonly onError: (error: StorageError) => void,
  ) {}

  append(branch: BranchRecord, record: StepRecord): void {
    // The open segment is kept in hand: appends are per step, the lookups per segment.
    let open = this.open;
    if (!open || open.segment.branchId !== branch.id || record.step >= open.end || record.step < open.segment.firstStep) {
      const first = segmentStart(record.step, branch.forkStep);
      const key = segmentKey(branch.id, first);
      let segment = this.segments.get(key);
      if (!segment) {
        segment = { branchId: branch.id, firstStep: first, records: [] };
        this.segments.set(key, segment);
        this.evict();
      }
      open = { segment, key, end: segmentEnd(first) };
      this.open = open;
    }
    open.segment.records.push(record);
    this.dirty.add(open.key);
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

  /** The record of a step if its segment is in memory. */
  cached(branchId: string, forkStep: number, step: number): StepRecord | undefined {
    const first = segmentStart(step, forkStep);
    return this.segments.get(segmentKey(branchId, first))?.records[step - first];
  }

  remember(segment: SegmentRecord): void {
    this.segments.set(segmentKey(segment.branchId, segment.firstStep), segment);
    this.evict();
  }

  forgetBranch(branchId: string): void {
    if (this.open?.segment.branchId === branchId) this.open = undefined;
    for (const [key, segment] of this.segments) if (segment.branchId === branchId) this.segments.delete(key);
    for (const key of [...this.dirty]) if (!this.segments.has(key)) this.dirty.delete(key);
    this.snapshots = this.snapshots.filter((s) => s.branchId !== branchId);
    if (this.branch?.id === branchId) this.branch = undefined;
  }

  resume(): void {
    this.failed = false;
    this.schedule();
  }

  private evict(): void {
    if (this.segments.size <= CACHED_SEGMENTS) return;
    for (const key of this.segments.keys()) {
      if (this.segments.size <= CACHED_SEGMENTS) break;
      const segment = this.segments.get(key)!;
      // Only full, stored segments leave memory: an open one is still being appended to.
      const full = segment.records.length === segmentEnd(segment.firstStep) - segment.firstStep;
      if (full && !this.dirty.has(key)) this.segments.delete(key);
    }
  }

  private schedule(): void {
    if (this.timer !== undefined || this.failed || !this.store) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, FLUSH_MS);
  }

  /** Commits everything pending; resolves when it is stored (or the write failed and was reported). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (!this.store || this.failed) return;
    const keys = [...this.dirty];
    const snapshots = this.snapshots;
    const branch = this.branch;
    if (keys.length === 0 && snapshots.length === 0 && !branch) return;
    this.dirty.clear();
    this.snapshots = [];
    this.branch = undefined;
    this.flushing = this.commitInChunks(this.store, keys, snapshots, branch);
    await this.flushing;
    this.flushing = undefined;
    if (this.dirty.size > 0 || this.snapshots.length > 0) this.schedule();
  }

  /**
   * Writes the segments a few at a time (IndexedDB clones values synchronously, so one big commit
   * would hold the worker for ~100 ms); the branch and its head go with the last chunk, so the
   * stored head never runs ahead of the stored steps.
   */
  private async commitInChunks(store: TidemarkStore, keys: string[], snapshots: SnapshotRecord[], branch: BranchRecord | undefined): Promise<void> {
    for (let i = 0; i === 0 || i < keys.length; i += SEGMENTS_PER_COMMIT) {
      const chunk = keys.slice(i, i + SEGMENTS_PER_COMMIT);
      const last = i + SEGMENTS_PER_COMMIT >= keys.length;
      // Copy the open segment's array: it keeps growing while the transaction clones it.
      const segments = chunk
        .map((k) => this.segments.get(k))
        .filter((seg): seg is SegmentRecord => seg !== undefined)
        .map((seg) => ({ ...seg, records: seg.records.slice() }));
      try {
        await store.commit({ segments, ...(last ? { snapshots, ...(branch ? { branch: structuredClone(branch) } : {}) } : {}) });
      } catch (error) {
        // Keep what failed pending: nothing is dropped, it is written once there is room again.
        for (const k of keys.slice(i)) this.dirty.add(k);
        this.snapshots = [...snapshots, ...this.snapshots];
        this.branch ??= branch;
        this.failed = true;
        this.onError(error instanceof StorageError ? error : new StorageError('failed', String(error)));
        return;
      }
    }
  }
}
