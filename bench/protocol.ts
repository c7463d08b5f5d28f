// Messages between the benchmark page and its worker: one reply (or error) per request id.

/** What one timed run of something achieved. */
export interface Rate {
  /** Items per second (events, steps or objects, as the request names). */
  readonly perSecond: number;
  readonly count: number;
  readonly ms: number;
}

export interface EngineRate {
  readonly stepsPerSecond: number;
  readonly eventsPerSecond: number;
  readonly steps: number;
  readonly events: number;
  readonly ms: number;
}

/** The store's commit() calls during a persisted run. */
export interface CommitTally {
  /** Worker-thread ms inside commit() (IndexedDB serializes put values synchronously). */
  ms: number;
  commits: number;
  segments: number;
  snapshots: number;
}

export interface PersistedRate extends EngineRate {
  readonly head: number;
  readonly commits: CommitTally;
}

/** Where the time of a persisted run went, measured in the worker on the same flow. */
export interface PersistBreakdown {
  /** Mean ms to take one runtime snapshot (a structuredClone of the state), every 1,000 steps. */
  readonly snapshotMs: number;
  /** Mean ms to structuredClone one full 1,000-step segment, as IndexedDB must to store it. */
  readonly segmentCloneMs: number;
  /** Mean ms to structuredClone one stored snapshot record (the flow document included). */
  readonly snapshotRecordCloneMs: number;
  /** Mean ms to encode a 1,000-step segment as the persister does and structuredClone the encoded form. */
  readonly encodedSegmentCloneMs: number;
  /** Mean ms to pack a snapshot record whose closed topic segments are already stored, and structuredClone it. */
  readonly packedSnapshotCloneMs: number;
  /** Steps/s of raw IndexedDB writes of real 1,000-step segments of this flow, 10 per transaction. */
  readonly segmentWriteStepsPerSecond: number;
  /** Mean ms to write one snapshot record (as stored: flow + state) with raw IndexedDB, 10 per transaction. */
  readonly snapshotWriteMs: number;
  /** Steps/s of BranchRun.advance (snapshots taken) without storage. */
  readonly branchRunStepsPerSecond: number;
  /** Steps/s of Session.advance with a Persister that has no store (buffers only). */
  readonly sessionNoStoreStepsPerSecond: number;
}

export interface SeekResult {
  /** Time for a fresh Session to restore the stored run (as the app's worker does on reload). */
  readonly restoreMs: number;
  readonly head: number;
  readonly seeksMs: readonly number[];
}

/** Every request with its arguments and its result. */
export interface BenchRequests {
  /**
   * The engine in memory. `native`: user code evaluated by the worker's own eval instead of in a
   * compartment; `unhardened`: that, in a second worker whose realm was never locked down — so the
   * sandbox's whole cost is the figure beside it.
   */
  engine: { args: { seconds: number; evaluation?: 'compartment' | 'native' | 'unhardened' }; result: EngineRate };
  appendLimit: { args: { seconds: number }; result: Rate };
  idbChunkLimit: { args: { seconds: number; chunkSize: number }; result: Rate };
  idbNaive: { args: { seconds: number }; result: Rate };
  persisted: { args: { seconds: number }; result: PersistedRate };
  buildHistory: { args: { steps: number }; result: PersistedRate };
  seek: { args: { count: number; warmup: number; seed: number }; result: SeekResult };
  fullReplay: { args: { steps: number }; result: EngineRate };
  breakdown: { args: { steps: number }; result: PersistBreakdown };
  cleanup: { args: Record<string, never>; result: null };
}

export type BenchRequestType = keyof BenchRequests;

export type BenchRequest = {
  [K in BenchRequestType]: { readonly id: number; readonly type: K; readonly args: BenchRequests[K]['args'] };
}[BenchRequestType];

export type BenchReply =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string };
