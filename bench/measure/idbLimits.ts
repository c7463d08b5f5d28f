import type { Rate } from '../protocol';
import { deleteDatabase, openRawStore, putAll, smallEvent } from './rawIdb';
import { perSecond } from './timing';

const DB = 'tidemark-bench-raw';
const STORE = 'records';
/** Chunk records per transaction: about what the persister commits per 100 ms flush at ~100k steps/s. */
const CHUNKS_PER_TX = 10;
/** Event records per transaction in the naive layout. */
const EVENTS_PER_TX = 1000;

/** Writes transactions from `makeBatch` back to back for `seconds`; counts the events they held. */
async function writeFor(
  seconds: number,
  makeBatch: (first: number) => { records: [number, unknown][]; events: number },
): Promise<Rate> {
  const db = await openRawStore(DB, STORE);
  try {
    const start = performance.now();
    const end = start + seconds * 1000;
    let count = 0;
    let key = 0;
    let now = start;
    while (now < end) {
      const { records, events } = makeBatch(key);
      key += records.length;
      await putAll(db, STORE, records);
      count += events;
      now = performance.now();
    }
    const ms = now - start;
    return { count, ms, perSecond: perSecond(count, ms) };
  } finally {
    db.close();
    await deleteDatabase(DB);
  }
}

/** One record per chunk of `chunkSize` small events, as the segment store does. */
export function measureIdbChunkLimit(seconds: number, chunkSize: number): Promise<Rate> {
  // Built once: put() clones at call time, so reusing the arrays costs IndexedDB the same.
  const chunks = Array.from({ length: CHUNKS_PER_TX }, (_, c) =>
    Array.from({ length: chunkSize }, (_, i) => smallEvent(c * chunkSize + i)),
  );
  return writeFor(seconds, (first) => ({
    records: chunks.map((chunk, i) => [first + i, chunk]),
    events: CHUNKS_PER_TX * chunkSize,
  }));
}

/** One record per event: what the segment layout avoids. */
export function measureIdbNaive(seconds: number): Promise<Rate> {
  const events = Array.from({ length: EVENTS_PER_TX }, (_, i) => smallEvent(i));
  return writeFor(seconds, (first) => ({
    records: events.map((event, i) => [first + i, event]),
    events: EVENTS_PER_TX,
  }));
}

/** Records (real segments or snapshots) written like the chunks; each counts as `stepsPerRecord`. */
export function measureIdbSegmentWrites(
  seconds: number,
  segments: readonly unknown[],
  stepsPerRecord: number,
): Promise<Rate> {
  return writeFor(seconds, (first) => ({
    records: segments.map((segment, i) => [first + i, segment]),
    events: segments.length * stepsPerRecord,
  }));
}
