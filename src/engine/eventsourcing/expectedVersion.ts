/**
 * The condition an append puts on its stream's current version (EventStoreDB's expected version).
 * Versions count events, so a stream's version is its event count and an empty stream is at 0:
 * - a number n: the stream's version must be exactly n (0: the stream must have no events);
 * - 'no-stream': the stream must have no events (the same as 0: streams are never deleted here);
 * - 'stream-exists': the stream must hold at least one event;
 * - 'any': no check.
 * EventStoreDB numbers revisions from 0, so its expected revision r is version r + 1 here.
 */
export const ExpectedVersion = { Any: 'any', NoStream: 'no-stream', StreamExists: 'stream-exists' } as const;
export type ExpectedVersion = (typeof ExpectedVersion)[keyof typeof ExpectedVersion] | number;

/** Whether a stream at `actual` satisfies `expected`. */
export function versionMatches(expected: ExpectedVersion, actual: number): boolean {
  if (expected === ExpectedVersion.Any) return true;
  if (expected === ExpectedVersion.NoStream) return actual === 0;
  if (expected === ExpectedVersion.StreamExists) return actual > 0;
  return actual === expected;
}

/** Refuses what is not an expected version: a negative or fractional number, an unknown word. */
export function assertExpectedVersion(expected: ExpectedVersion): void {
  if (typeof expected === 'number') {
    if (!Number.isInteger(expected) || expected < 0)
      throw new RangeError(`an expected version is a whole number ≥ 0, not ${expected}`);
    return;
  }
  if (!Object.values(ExpectedVersion).includes(expected)) {
    throw new RangeError(
      `an expected version is a number, 'any', 'no-stream' or 'stream-exists', not '${String(expected)}'`,
    );
  }
}

/** How an expected version reads in a conflict message. */
export function describeExpectedVersion(expected: ExpectedVersion): string {
  return typeof expected === 'number' ? String(expected) : expected;
}
