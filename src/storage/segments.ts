/** Steps per segment record; one IDB record costs ~35 µs, so chunks of 1,000 keep writes far ahead of the engine. */
export const SEGMENT_SIZE = 1000;

/** The first step of the segment holding `step` on a branch whose own steps start at forkStep. */
export function segmentStart(step: number, forkStep: number): number {
  return Math.max(forkStep, Math.floor(step / SEGMENT_SIZE) * SEGMENT_SIZE);
}

/** The first step after the segment that starts at firstStep (the next multiple of SEGMENT_SIZE). */
export function segmentEnd(firstStep: number): number {
  return (Math.floor(firstStep / SEGMENT_SIZE) + 1) * SEGMENT_SIZE;
}
