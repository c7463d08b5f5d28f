import type { EngineToUi, UiToEngine } from '../protocol';

/** The engine worker as the client uses it: a DOM Worker, or a fake in tests. */
export interface EngineWorker {
  postMessage(message: UiToEngine): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<EngineToUi>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  addEventListener(type: 'messageerror', listener: () => void): void;
}

/** What the client needs from the page, injected so tests run it on simulated time without a browser. */
export interface EngineHost {
  createWorker(): EngineWorker;
  /** Monotonic milliseconds. */
  now(): number;
  /** Calls `tick` every `ms` (a hidden page's browser may call it far less often); returns a function that stops it. */
  every(ms: number, tick: () => void): () => void;
  /** Calls `callback` once the page has painted again; a hidden page never paints. */
  afterPaint(callback: () => void): void;
  /** Whether the page is hidden (another tab in front, a minimised window). */
  hidden(): boolean;
  /** Calls `listener` when the page is hidden or shown; returns a function that stops it. */
  onVisibilityChange(listener: () => void): () => void;
}
