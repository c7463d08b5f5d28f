/** Real time as the worker's pacing and write batching read it; injected so tests run on simulated time. */
export interface Timers {
  /** Monotonic milliseconds. */
  now(): number;
  /** Calls `callback` once after `ms`; returns a function that cancels it. */
  after(ms: number, callback: () => void): () => void;
  /** Calls `callback` once the messages already queued have been handled. */
  soon(callback: () => void): void;
}

/** The worker's own clock and timers: performance.now, setTimeout and a message hop. */
export function realTimers(): Timers {
  // setTimeout(0) is clamped to ~4 ms when nested; a message hop yields to requests without that delay.
  const wake = new MessageChannel();
  const queued: (() => void)[] = [];
  wake.port1.onmessage = () => queued.shift()?.();
  return {
    now: () => performance.now(),
    after: (ms, callback) => {
      const timer = setTimeout(callback, ms);
      return () => clearTimeout(timer);
    },
    soon: (callback) => {
      queued.push(callback);
      wake.port2.postMessage(null);
    },
  };
}
