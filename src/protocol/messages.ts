import type { FlowDocument, FlowProblem } from '../flow';
import type { Counters, StepRecord, ResetTarget, LogQuery, LogQueryResult, TraceLink } from '../engine';
import type { Bookmark, GotoTarget, LocateResult, NodeStateDiff, TimelineMarkers } from './debugging';

/** Bump when a message shape changes; the client refuses a worker of another version. */
export const PROTOCOL_VERSION = 5;

export const Speed = { X1: 1, X10: 10, X100: 100, Max: 0 } as const;
/** Virtual seconds per real second; 0 means as fast as the worker can go. */
export type Speed = (typeof Speed)[keyof typeof Speed];

export interface BranchInfo {
  readonly id: string;
  readonly name: string;
  readonly parentId: string | null;
  /** Steps before this one are shared with the parent branch. */
  readonly forkStep: number;
  readonly head: number;
}

/** A problem a person must see: where it happened and what to do about it. */
export interface EngineNotice {
  readonly level: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly nodeId?: string;
  readonly step?: number;
}

export interface TopicView {
  /** Per partition: the first readable offset and the next offset to be written. */
  readonly partitions: readonly { readonly logStartOffset: number; readonly highWatermark: number }[];
}

export interface GroupView {
  readonly generation: number;
  readonly assignor: string;
  /** Member node id → its partitions as "topic:partition"; a crashed member keeps them until its session expires. */
  readonly assignment: Readonly<Record<string, readonly string[]>>;
  readonly crashed: readonly string[];
  /** "topic:partition" → committed offset (the next record to read). */
  readonly committed: Readonly<Record<string, number>>;
  /** "topic:partition" → high watermark − committed. */
  readonly lag: Readonly<Record<string, number>>;
  readonly totalLag: number;
}

/** A message waiting in a queue, as the inspector lists it. */
export interface QueuedMessageView {
  readonly id: string;
  readonly eventType: string;
  readonly routingKey: string;
  readonly redelivered: boolean;
  /** Virtual ms at which its TTL runs out. */
  readonly expiresAt?: number;
  /** x-death: how many times it died, and the latest (queue, reason). */
  readonly deaths?: { readonly count: number; readonly queue: string; readonly reason: string };
}

export interface QueueView {
  readonly ready: number;
  readonly unacked: number;
  /** Consumers in subscription order with what each holds unacked. */
  readonly consumers: readonly {
    readonly node: string;
    readonly unacked: number;
    readonly prefetch: number;
    readonly autoAck: boolean;
  }[];
  /** The first ready messages, head first (at most QUEUE_HEAD_ROWS). */
  readonly head: readonly QueuedMessageView[];
}

export const QUEUE_HEAD_ROWS = 20;

export interface ChannelView {
  readonly published: number;
  readonly delivered: number;
  /** Published while nobody listened on that channel: gone. */
  readonly dropped: number;
  readonly subscriptions: readonly {
    readonly node: string;
    readonly kind: 'channel' | 'pattern';
    readonly target: string;
  }[];
}

/** The event store at the cursor: per aggregate its busiest streams, per subscriber how far it trails. */
export interface EventStoreView {
  readonly events: number;
  readonly aggregates: Readonly<
    Record<
      string,
      {
        readonly streamCount: number;
        readonly streams: readonly { readonly id: string; readonly version: number }[];
        readonly conflicts: number;
      }
    >
  >;
  /** Subscriber node id → next position it reads, and events it has still to read. */
  readonly subscriptions: Readonly<Record<string, { readonly checkpoint: number; readonly lag: number }>>;
}

/** Streams an aggregate's card and panel list (the most recently written first). */
export const STREAM_ROWS = 30;

/** What the worker pushes at most ~30 times a second. */
export interface Frame {
  /** Steps executed in the state shown: the cursor of the time-travel slider. */
  readonly cursor: number;
  /** Steps recorded on the current branch. */
  readonly head: number;
  /** Virtual milliseconds at the cursor. */
  readonly time: number;
  readonly playing: boolean;
  readonly speed: Speed;
  readonly branchId: string;
  readonly counters: Readonly<Record<string, Counters>>;
  /** Records carried along each edge so far. */
  readonly edges: Readonly<Record<string, number>>;
  /** State of every handler node (a projection's is its read model). */
  readonly nodeStates: Readonly<Record<string, unknown>>;
  /** The newest records, oldest first (at most LIVE_ROWS). */
  readonly recent: readonly StepRecord[];
  /** Topic node id → its partitions. */
  readonly topics: Readonly<Record<string, TopicView>>;
  /** Consumer group id → its members, assignment, offsets and lag. */
  readonly groups: Readonly<Record<string, GroupView>>;
  /** Queue node id → depth, unacked and the messages at its head. */
  readonly queues: Readonly<Record<string, QueueView>>;
  /** Pub/sub node id → subscriptions and counters. */
  readonly channels: Readonly<Record<string, ChannelView>>;
  /** Consumer or projection node ids whose AMQP / pub/sub connection is crashed. */
  readonly disconnected: readonly string[];
  readonly eventStore: EventStoreView;
}

export const LIVE_ROWS = 50;

/** What replacing the open flow would delete: said to the person before they choose. */
export interface StoredWork {
  readonly name: string;
  /** Steps recorded over all branches. */
  readonly steps: number;
  readonly branches: number;
  /** The flow was changed since it was opened. */
  readonly edited: boolean;
}

/** Whether this tab saves: one writer per flow (a Web Lock); another tab, or a browser without storage, saves nothing and says why. */
export type TabStorage = { readonly writer: true } | { readonly writer: false; readonly reason: string };

/** The stored flow record and its revision (bumped by every save); an edit kept for recovery names the one it was made on. */
export interface StoredFlow {
  readonly flowId: string;
  readonly revision: number;
}

/** A flow as the worker holds it, with its branches, the frame at the cursor and handler compile errors by node id. */
export interface FlowLoaded {
  readonly flow: FlowDocument;
  /** Whether the flow's code may run; an untrusted flow's code is only parsed, and nothing that runs it is accepted. */
  readonly trusted: boolean;
  readonly branches: BranchInfo[];
  readonly frame: Frame;
  readonly codeErrors: Record<string, string>;
  /** null when this tab does not save. */
  readonly stored: StoredFlow | null;
}

/** Requests, each with its reply type; one reply or one error per request id. */
export interface Requests {
  /** First message; `flow` is null when nothing is stored yet (the UI then opens the example); `storage` says whether this tab saves. */
  hello: {
    args: { protocol: number };
    reply: (
      | FlowLoaded
      | {
          flow: null;
          trusted: true;
          branches: BranchInfo[];
          frame: Frame;
          codeErrors: Record<string, string>;
          stored: null;
        }
    ) & { storage: TabStorage };
  };
  /** Replace the current flow by a document from a file, a link or the gallery; invalid input changes nothing. Only an example opens trusted. */
  openFlow: {
    /** Without `replace`, a flow that would delete stored work is refused with `replaces` (nothing changes), so the person can choose. */
    args: { doc: unknown; origin: FlowOrigin; replace?: boolean };
    reply: FlowLoaded;
  };
  /** The person trusts the open flow's code: from now on it runs (in its sandbox), and its stored run is replayed. */
  trust: { args: Record<string, never>; reply: FlowLoaded };
  /** An edit made in the UI; saved, and recorded as an input when it changes what runs. */
  updateFlow: {
    args: { flow: FlowDocument };
    /** codeErrors: node id → why its handler does not compile (the node then fails every delivery). */
    reply: { recorded: boolean; codeErrors: Record<string, string>; stored: StoredFlow | null };
  };
  play: { args: Record<string, never>; reply: null };
  pause: { args: Record<string, never>; reply: null };
  step: { args: Record<string, never>; reply: null };
  setSpeed: { args: { speed: Speed }; reply: null };
  seek: { args: { step: number }; reply: null };
  publish: { args: { producer: string; data: unknown }; reply: { step: number } };
  /** Crash a consumer (no leave: its group notices after session.timeout.ms) or restart it; recorded as an input. */
  controlConsumer: { args: { node: string; action: 'crash' | 'restart' }; reply: { step: number } };
  /** Reset a consumer group's committed offsets (Kafka's --reset-offsets); refused while the group has members. */
  resetOffsets: { args: { group: string; target: ResetTarget }; reply: { step: number } };
  /** Send a command by hand from a command source (recorded as an input). */
  sendCommand: { args: { node: string; data: unknown }; reply: { step: number } };
  /** Reset a read model and read the event store again from the start (recorded as an input). */
  rebuild: { args: { node: string }; reply: { step: number } };
  /** Run `function query(readModel)` against a node's state at the cursor. */
  queryReadModel: { args: { node: string; code: string }; reply: { answer: unknown } };
  /** The whole conversation an event or command belongs to, from the branch's log. */
  trace: { args: { id: string }; reply: { correlationId: string; links: readonly TraceLink[]; truncated: boolean } };
  /** A temporal question about the event store at the cursor. */
  queryLog: { args: { query: LogQuery }; reply: LogQueryResult };
  getRows: { args: { from: number; count: number }; reply: { from: number; rows: StepRecord[] } };
  fork: { args: { name: string }; reply: { branches: BranchInfo[] } };
  /** Replies with the flow as it stands at the end of that branch (edits made on it are part of it). */
  switchBranch: { args: { branchId: string }; reply: { branches: BranchInfo[]; flow: FlowDocument } };
  /** Throw away every branch and start again from step 0 with the current flow. */
  reset: { args: Record<string, never>; reply: { branches: BranchInfo[]; stored: StoredFlow | null } };
  /**
   * The first log step after (next) or before (previous) `from` that touches the node; null when none up to the head or step 0.
   * Without `from`, the row before the cursor as the worker has it, so a seek sent just before counts.
   */
  findTouchingStep: {
    args: { node: string; from?: number; direction: 'next' | 'previous' };
    reply: { step: number | null };
  };
  /** Resolves a Go to target on the current branch; nothing moves (the UI seeks to the answer). */
  locate: { args: { target: GotoTarget }; reply: LocateResult };
  /** Bookmarks a timeline position of the current branch (a second bookmark there replaces the label). */
  addBookmark: { args: { step: number; label: string }; reply: { bookmarks: Bookmark[] } };
  removeBookmark: { args: { step: number }; reply: { bookmarks: Bookmark[] } };
  /** A node's state at a timeline position, computed on a scratch copy: the cursor does not move. */
  nodeStateAt: {
    args: { branchId?: string; step: number; node: string };
    reply: { step: number; state: Record<string, unknown> };
  };
  /** The node's state changes between two positions, path by path (the diff is made here, only changes cross over). */
  diffNodeState: { args: { branchId?: string; node: string; from: number; to: number }; reply: NodeStateDiff };
  /** Deletes a branch other than the root with its stored steps; refused while it has forks. The current branch then is its parent. */
  deleteBranch: {
    args: { branchId: string };
    reply: { branches: BranchInfo[]; flow: FlowDocument; switched: boolean };
  };
  /** Log steps [from, min(to, from + a page)) as CloudEvents JSON Lines; `next` is where the following page starts, null at `to`. */
  exportLog: { args: { branchId: string; from: number; to: number }; reply: { chunk: Blob; next: number | null } };
  /** Whether publishBatch would take these events; refused with the first that fails at `events[i]` (problems), nothing published. */
  checkBatch: { args: { producer: string; events: unknown[] }; reply: null };
  /** Publishes several events by hand on one producer, as consecutive inputs; replies with the steps of the first and last. */
  publishBatch: { args: { producer: string; events: unknown[] }; reply: { first: number; last: number } };
}

export type RequestType = keyof Requests;

/** Where a flow came from: only a bundled example is trusted on opening. */
export type FlowOrigin = 'example' | 'file' | 'link';

/** Every request type once: a type added to `Requests` and missing here is a compile error. */
const REQUEST_TYPE_SET = {
  hello: true,
  openFlow: true,
  trust: true,
  updateFlow: true,
  play: true,
  pause: true,
  step: true,
  setSpeed: true,
  seek: true,
  publish: true,
  controlConsumer: true,
  resetOffsets: true,
  sendCommand: true,
  rebuild: true,
  queryReadModel: true,
  queryLog: true,
  trace: true,
  getRows: true,
  fork: true,
  switchBranch: true,
  reset: true,
  findTouchingStep: true,
  locate: true,
  addBookmark: true,
  removeBookmark: true,
  nodeStateAt: true,
  diffNodeState: true,
  deleteBranch: true,
  exportLog: true,
  checkBatch: true,
  publishBatch: true,
} as const satisfies Record<RequestType, true>;

/** The request types, derived from `REQUEST_TYPE_SET`; the worker checks it has a handler for each. */
export const REQUEST_TYPES = Object.keys(REQUEST_TYPE_SET) as readonly RequestType[];

export type UiToEngine =
  | {
      [K in RequestType]: {
        readonly kind: 'request';
        readonly id: number;
        readonly type: K;
        readonly args: Requests[K]['args'];
      };
    }[RequestType]
  /** The UI has drawn the last frame: a playing run sends the next one only then, so frames never queue up behind a busy UI thread. */
  | { readonly kind: 'frameShown' };

export type EngineToUi =
  | { readonly kind: 'reply'; readonly id: number; readonly result: unknown }
  | {
      readonly kind: 'error';
      readonly id: number;
      readonly message: string;
      readonly problems?: FlowProblem[];
      readonly replaces?: StoredWork;
    }
  | { readonly kind: 'frame'; readonly frame: Frame }
  | { readonly kind: 'notice'; readonly notice: EngineNotice }
  | { readonly kind: 'branches'; readonly branches: BranchInfo[] }
  | { readonly kind: 'markers'; readonly markers: TimelineMarkers };
