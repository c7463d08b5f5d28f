import { getOwn, setOwn } from '../lib/ownRecord';

/** The live counters every node shows; a node kind uses the ones that mean something for it. */
export interface Counters {
  published: number;
  delivered: number;
  handled: number;
  failed: number;
}

export function zeroCounters(): Counters {
  return { published: 0, delivered: 0, handled: 0, failed: 0 };
}

/** One more record through an edge; edge ids are names people choose, so only own keys count. */
export function countOnEdge(edges: Record<string, number>, edgeId: string): void {
  setOwn(edges, edgeId, (getOwn(edges, edgeId) ?? 0) + 1);
}
