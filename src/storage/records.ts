import type { RecordedInput, MarkerKind, RuntimeSnapshot, StepRecord } from '../engine';
import type { FlowDocument } from '../flow';
import type { EncodedSteps } from './stepCodec';

/** A saved flow document. */
export interface FlowRecord {
  id: string;
  flow: FlowDocument;
  savedAt: number;
  /** The person let this flow's code run (examples are trusted when opened). Absent in records from before trust was asked: not trusted. */
  trusted?: boolean;
  /** Changed by the person since it was opened: replacing it would lose their work. */
  edited?: boolean;
  /** Bumped by every save, so an edit kept for recovery can tell the flow changed since (absent before it existed: 0). */
  revision?: number;
}

/** One line of history; a fork shares its parent's steps below forkStep. */
export interface BranchRecord {
  id: string;
  flowId: string;
  name: string;
  parentId: string | null;
  forkStep: number;
  /** The flow as it stood when this branch's run began. */
  baseFlow: FlowDocument;
  inputs: RecordedInput[];
  /** Steps recorded on this branch; steps below forkStep belong to the parent. */
  head: number;
  /** Creation order among the flow's branches (absent in records written before it existed). */
  createdOrder?: number;
  /** The timeline's markers, kept as steps are recorded (absent in records written before them: rebuilt from the log on load). */
  markers?: MarkerIndex;
  /** Positions a person bookmarked on this branch, in step order. */
  bookmarks?: BookmarkRecord[];
}

/** Marked log steps by kind: the first ones (capped), and the count of all. */
export type MarkerIndex = Partial<Record<MarkerKind, { steps: number[]; total: number }>>;

export interface BookmarkRecord {
  /** Timeline position (steps executed). */
  step: number;
  label: string;
}

/** A chunk of consecutive steps stored as one record, like a Kafka log segment (as reads return it: decoded). */
export interface SegmentRecord {
  branchId: string;
  firstStep: number;
  records: StepRecord[];
}

/**
 * A segment as IndexedDB holds it: encoded `steps` (written since the step codec), or plain
 * `records` (written before it, and still read).
 */
export type StoredSegment = { branchId: string; firstStep: number } & (
  { steps: EncodedSteps; records?: never } | { records: StepRecord[]; steps?: never }
);

/** The whole runtime at a step, so a seek replays at most one snapshot interval. */
export interface SnapshotRecord {
  branchId: string;
  step: number;
  snapshot: RuntimeSnapshot;
}
