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
