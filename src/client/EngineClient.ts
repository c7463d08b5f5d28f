import { PROTOCOL_VERSION } from '../protocol';
import type { BranchInfo, EngineNotice, EngineToUi, Frame, Requests, RequestType, UiToEngine } from '../protocol';
import { EngineRequestError } from './EngineRequestError';

type Listener<T> = (value: T) => void;

interface Pending {
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
}

/** Typed connection to the engine worker: requests with one reply each, plus pushed frames, notices and branches. */
export class EngineClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly frameListeners = new Set<Listener<Frame>>();
  private readonly noticeListeners = new Set<Listener<EngineNotice>>();
  private readonly branchListeners = new Set<Listener<BranchInfo[]>>();

  constructor() {
    this.worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
    this.worker.addEventListener('message', (event: MessageEvent<EngineToUi>) => this.receive(event.data));
    this.worker.addEventListener('error', (event) => {
      this.emit(this.noticeListeners, { level: 'error', message: `Engine worker error: ${event.message || 'the worker failed to start'}` });
    });
    this.worker.addEventListener('messageerror', () => {
      this.emit(this.noticeListeners, { level: 'error', message: 'Engine worker sent a message that could not be read' });
    });
  }

  /** The first request: checks the protocol version and returns what the worker has stored. */
  hello(): Promise<Requests['hello']['reply']> {
    return this.request('hello', { protocol: PROTOCOL_VERSION });
  }

  request<K extends RequestType>(type: K, args: Requests[K]['args']): Promise<Requests[K]['reply']> {
    const id = this.nextId++;
    // The union member for K; TypeScript cannot narrow a mapped union from a generic key.
    const message = { kind: 'request', id, type, args } as UiToEngine;
    return new Promise<Requests[K]['reply']>((resolve, reject) => {
      this.pending.set(id, { resolve: (result) => resolve(result as Requests[K]['reply']), reject });
      this.worker.postMessage(message);
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

  terminate(): void {
    this.worker.terminate();
    for (const entry of this.pending.values()) entry.reject(new EngineRequestError('The engine worker was stopped'));
    this.pending.clear();
  }

  private receive(message: EngineToUi): void {
    switch (message.kind) {
      case 'reply':
        return this.settle(message.id, (entry) => entry.resolve(message.result));
      case 'error':
        return this.settle(message.id, (entry) => entry.reject(new EngineRequestError(message.message, message.problems)));
      case 'frame':
        return this.emit(this.frameListeners, message.frame);
      case 'notice':
        return this.emit(this.noticeListeners, message.notice);
      case 'branches':
        return this.emit(this.branchListeners, message.branches);
    }
  }

  private settle(id: number, action: (entry: Pending) => void): void {
    const entry = this.pending.get(id);
    // A second answer for the same id would be a worker bug; ignore it rather than resolve twice.
    if (!entry) return;
    this.pending.delete(id);
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
