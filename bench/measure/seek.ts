import { openTidemarkStore } from '../../src/storage';
import { Session } from '../../src/worker/session';
import { realTimers } from '../../src/worker/timers';
import type { SeekResult } from '../protocol';
import { HISTORY_DB } from './persisted';
import { dropMessages } from './sessionRun';

/** mulberry32: the same targets on every run, so runs compare. */
function targets(seed: number, head: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (head + 1));
  };
}

/**
 * Random seeks over the stored history through Session.seek, as the app's timeline does: nearest
 * snapshot from storage, replay, then the log rows before the cursor. Warm-up seeks are not counted.
 */
export async function measureSeeks(count: number, warmup: number, seed: number): Promise<SeekResult> {
  const store = await openTidemarkStore(HISTORY_DB);
  try {
    const session = new Session(store, dropMessages, realTimers());
    const start = performance.now();
    await session.restore();
    const restoreMs = performance.now() - start;
    const head = session.run.head;
    const next = targets(seed, head);
    const seeksMs: number[] = [];
    for (let i = 0; i < warmup + count; i++) {
      const target = next();
      const t0 = performance.now();
      await session.seek(target);
      const ms = performance.now() - t0;
      if (session.run.cursor !== target) throw new Error(`seek to ${target} landed on ${session.run.cursor}`);
      if (i < warmup) continue;
      seeksMs.push(ms);
    }
    return { restoreMs, head, seeksMs };
  } finally {
    store.close();
  }
}
