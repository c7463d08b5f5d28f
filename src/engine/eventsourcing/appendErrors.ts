import { describeExpectedVersion, type ExpectedVersion } from './expectedVersion';

export const AppendErrorKind = {
  WrongExpectedVersion: 'WrongExpectedVersion',
  DuplicateEventId: 'DuplicateEventId',
} as const;
export type AppendErrorKind = (typeof AppendErrorKind)[keyof typeof AppendErrorKind];

/** The optimistic-concurrency conflict: the stream moved on since the writer read it. Nothing was appended. */
export interface WrongExpectedVersion {
  readonly kind: typeof AppendErrorKind.WrongExpectedVersion;
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  /** The stream's version when the append was refused; 0 when it has no events. */
  readonly actual: number;
  readonly message: string;
}

/** An event id the store already holds (outside an idempotent retry), or one repeated within the append. */
export interface DuplicateEventId {
  readonly kind: typeof AppendErrorKind.DuplicateEventId;
  readonly streamId: string;
  readonly eventId: string;
  readonly message: string;
}

export type AppendError = WrongExpectedVersion | DuplicateEventId;

export function wrongExpectedVersion(
  streamId: string,
  expected: ExpectedVersion,
  actual: number,
): WrongExpectedVersion {
  return {
    kind: AppendErrorKind.WrongExpectedVersion,
    streamId,
    expected,
    actual,
    // EventStoreDB's wording, with versions in place of revisions.
    message: `Append failed due to WrongExpectedVersion. Stream: ${streamId}, Expected version: ${describeExpectedVersion(expected)}, Actual version: ${actual}`,
  };
}

export function duplicateEventId(streamId: string, eventId: string): DuplicateEventId {
  return {
    kind: AppendErrorKind.DuplicateEventId,
    streamId,
    eventId,
    message: `Append to ${streamId} failed: event id ${eventId} is already used`,
  };
}
