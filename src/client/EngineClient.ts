import { PROTOCOL_VERSION } from '../protocol';
import type {
  BranchInfo,
  EngineNotice,
  EngineToUi,
  Frame,
  GotoTarget,
  Requests,
  RequestType,
  TimelineMarkers,
  UiToEngine,
} from '../protocol';
import type { EngineHost, EngineWorker } from './engineHost';
import { EngineRequestError } from './EngineRequestError';
import { CHECK_MS, Watchdog } from './watchdog';

type Listener<T> = (value: T) => void;

interface Pending {
  readonly type: RequestType;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
}

/** What the worker owed when the watchdog replaced it: the requests it never answered, and whether a run was playing. */
export interface StuckWork {
  readonly requests: readonly RequestType[];
  readonly playing: boolean;
}

/** How long the engine may stay silent while it owes an answer (a reply, or the next frame of a run playing in a visible page). */
export const WATCHDOG_MS = 10_000;

/**
 * Typed connection to the engine worker: requests with one reply each, plus pushed frames, notices
 * and branches. A watchdog replaces a worker that stops answering (handler code that never
 * returns): the new worker restores the last stored state, and restart listeners are told.
 * Frames are acknowledged after the page paints them, or at once while the page is hidden.
 */
export class EngineClient {
  private worker: EngineWorker;
  private nextId = 1;
  /** The last frame said the run was playing, so frames are owed once it is acknowledged. */
  private playing = false;
  /** When the last frame was acknowledged: the worker owes the next one from then. */
  private frameOwedSince: number | undefined;
  /** The acknowledgement waiting for a paint; sent at once if the page is hidden first. */
  private unacknowledged: (() => void) | null = null;
  /** Request id → when it was sent. */
  private readonly sentAt = new Map<number, number>();
  private readonly watchdog: Watchdog;
  private readonly stopLooking: () => void;
  private readonly stopWatchingVisibility: () => void;
  private readonly restartListeners = new Set<Listener<StuckWork>>();
  private readonly pending = new Map<number, Pending>();
  private readonly frameListeners = new Set<Listener<Frame>>();
  private readonly noticeListeners = new Set<Listener<EngineNotice>>();
  private readonly branchListeners = new Set<Listener<BranchInfo[]>>();
  private readonly markerListeners = new Set<Listener<TimelineMarkers>>();

  constructor(private readonly host: EngineHost) {
    this.watchdog = new Watchdog(WATCHDOG_MS, host.now());
    this.worker = this.spawn();
    this.stopLooking = host.every(CHECK_MS, () => this.check());
    this.stopWatchingVisibility = host.onVisibilityChange(() => {
      if (host.hidden()) this.unacknowledged?.();
      else this.watchdog.woke(host.now());
    });
  }

  private spawn(): EngineWorker {
    const worker = this.host.createWorker();
    worker.addEventListener('message', (event) => this.receive(event.data));
    worker.addEventListener('error', (event) => {
      this.emit(this.noticeListeners, {
        level: 'error',
        message: `Engine worker error: ${event.message || 'the worker failed to start'}`,
      });
    });
    worker.addEventListener('messageerror', () => {
      this.emit(this.noticeListeners, {
        level: 'error',
        message: 'Engine worker sent a message that could not be read',
      });
    });
    this.watchdog.heard(this.host.now());
    return worker;
  }

  /** Silent while it owes an answer for longer than WATCHDOG_MS: the worker is stuck, so it is replaced. */
  private check(): void {
    if (!this.watchdog.silent(this.host.now(), this.owedSince())) return;
    const stuck: StuckWork = { requests: [...this.pending.values()].map((p) => p.type), playing: this.playing };
    this.worker.terminate();
    this.rejectPending('The engine stopped answering and was restarted');
    this.playing = false;
    this.frameOwedSince = undefined;
    this.unacknowledged = null;
    this.worker = this.spawn();
    this.emit(this.restartListeners, stuck);
  }

  /**
   * Since when the worker owes an answer: its oldest unanswered request, or the frame after an
   * acknowledged one while a run plays in a visible page (a hidden page's worker may be throttled).
   */
  private owedSince(): number | undefined {
    let since = Math.min(...this.sentAt.values());
    if (this.playing && this.frameOwedSince !== undefined && !this.host.hidden())
      since = Math.min(since, this.frameOwedSince);
    return Number.isFinite(since) ? since : undefined;
  }

  /** Called after a stuck worker was replaced, with what it was doing; the new one answers hello with the stored state. */
  onRestart(listener: Listener<StuckWork>): () => void {
    return this.subscribe(this.restartListeners, listener);
  }

  /** The first request: checks the protocol version and returns what the worker has stored. */
  hello(): Promise<Requests['hello']['reply']> {
    return this.request('hello', { protocol: PROTOCOL_VERSION });
  }

  // ---- the debugger's requests ----

  /** From the row before the worker's cursor: the UI's frame may not show a seek still on its way. */
  findTouchingStep(node: string, direction: 'next' | 'previous'): Promise<Requests['findTouchingStep']['reply']> {
    return this.request('findTouchingStep', { node, direction });
  }

  locate(target: GotoTarget): Promise<Requests['locate']['reply']> {
    return this.request('locate', { target });
  }

  addBookmark(step: number, label: string): Promise<Requests['addBookmark']['reply']> {
    return this.request('addBookmark', { step, label });
  }

  removeBookmark(step: number): Promise<Requests['removeBookmark']['reply']> {
    return this.request('removeBookmark', { step });
  }

  nodeStateAt(args: Requests['nodeStateAt']['args']): Promise<Requests['nodeStateAt']['reply']> {
    return this.request('nodeStateAt', args);
  }

  diffNodeState(args: Requests['diffNodeState']['args']): Promise<Requests['diffNodeState']['reply']> {
    return this.request('diffNodeState', args);
  }

  deleteBranch(branchId: string): Promise<Requests['deleteBranch']['reply']> {
    return this.request('deleteBranch', { branchId });
  }

  exportLog(branchId: string, from: number, to: number): Promise<Requests['exportLog']['reply']> {
    return this.request('exportLog', { branchId, from, to });
  }

  /** Refused, naming `events[i]`, when publishBatch would refuse these events; nothing is published. */
  checkBatch(producer: string, events: unknown[]): Promise<Requests['checkBatch']['reply']> {
    return this.request('checkBatch', { producer, events });
  }

  publishBatch(producer: string, events: unknown[]): Promise<Requests['publishBatch']['reply']> {
    return this.request('publishBatch', { producer, events });
  }

  request<K extends RequestType>(type: K, args: Requests[K]['args']): Promise<Requests[K]['reply']> {
    const id = this.nextId++;
    // The union member for K; TypeScript cannot narrow a mapped union from a generic key.
    const message = { kind: 'request', id, type, args } as UiToEngine;
    return new Promise<Requests[K]['reply']>((resolve, reject) => {
      this.pending.set(id, { type, resolve: (result) => resolve(result as Requests[K]['reply']), reject });
      this.sentAt.set(id, this.host.now());
      try {
        this.worker.postMessage(message);
      } catch (error) {
        // Never sent (a value structured clone refuses), so no answer is owed: the watchdog must not wait for one.
        this.settle(id, (entry) =>
          entry.reject(
            new EngineRequestError(
              `The request could not be sent to the engine (${error instanceof Error ? error.message : String(error)})`,
            ),
          ),
        );
      }
    });
  }

  onFrame(listener: Listener<Frame>): () => void {
    return this.subscribe(this.frameListeners, listener);
  }

  onNotice(listener: Listener<EngineNotice>): () => void {
    return this.subscribe(this.noticeListeners, listener);
  }

  onBranches(listener: Listener<BranchInfo[]>): () => void {
    return this.subscribe(this.branchListeners, listener);
  }

  /** The current branch's timeline markers and bookmarks, sent when they change. */
  onMarkers(listener: Listener<TimelineMarkers>): () => void {
    return this.subscribe(this.markerListeners, listener);
  }

  terminate(): void {
    this.stopLooking();
    this.stopWatchingVisibility();
    this.worker.terminate();
    this.rejectPending('The engine worker was stopped');
  }

  private rejectPending(reason: string): void {
    for (const entry of this.pending.values()) entry.reject(new EngineRequestError(reason));
    this.pending.clear();
    this.sentAt.clear();
  }

  private receive(message: EngineToUi): void {
    this.watchdog.heard(this.host.now());
    if (message.kind === 'frame') this.playing = message.frame.playing;
    switch (message.kind) {
      case 'reply':
        return this.settle(message.id, (entry) => entry.resolve(message.result));
      case 'error':
        return this.settle(message.id, (entry) =>
          entry.reject(new EngineRequestError(message.message, message.problems, message.replaces)),
        );
      case 'frame':
        // Asked for first, so a listener that throws cannot hold back every later frame.
        this.acknowledge(this.worker);
        return this.emit(this.frameListeners, message.frame);
      case 'notice':
        return this.emit(this.noticeListeners, message.notice);
      case 'branches':
        return this.emit(this.branchListeners, message.branches);
      case 'markers':
        return this.emit(this.markerListeners, message.markers);
    }
  }

  /**
   * The worker sends the next frame only once this one is acknowledged: after the page paints it,
   * so frames never queue up behind a busy UI thread, or at once while hidden (no paint will come).
   */
  private acknowledge(worker: EngineWorker): void {
    this.frameOwedSince = undefined;
    let sent = false;
    const ack = (): void => {
      if (sent) return;
      sent = true;
      if (this.unacknowledged === ack) this.unacknowledged = null;
      // A frame of a worker the watchdog replaced is not the new one's to count.
      if (worker !== this.worker) return;
      this.frameOwedSince = this.host.now();
      worker.postMessage({ kind: 'frameShown' } satisfies UiToEngine);
    };
    this.unacknowledged = ack;
    if (this.host.hidden()) ack();
    else this.host.afterPaint(ack);
  }

  private settle(id: number, action: (entry: Pending) => void): void {
    const entry = this.pending.get(id);
    // A second answer for the same id would be a worker bug; ignore it rather than resolve twice.
    if (!entry) return;
    this.pending.delete(id);
    this.sentAt.delete(id);
    action(entry);
  }

  private subscribe<T>(listeners: Set<Listener<T>>, listener: Listener<T>): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  private emit<T>(listeners: Set<Listener<T>>, value: T): void {
    for (const listener of listeners) listener(value);
  }
}
