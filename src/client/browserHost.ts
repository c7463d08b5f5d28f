import type { EngineHost, EngineWorker } from './engineHost';

/** The real page: the engine worker, performance.now, setInterval, requestAnimationFrame and the document's visibility. */
export function browserHost(): EngineHost {
  return {
    createWorker: (): EngineWorker =>
      new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' }),
    now: () => performance.now(),
    every: (ms, tick) => {
      const timer = setInterval(tick, ms);
      return () => clearInterval(timer);
    },
    afterPaint: (callback) => void requestAnimationFrame(() => callback()),
    hidden: () => document.visibilityState === 'hidden',
    onVisibilityChange: (listener) => {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  };
}
