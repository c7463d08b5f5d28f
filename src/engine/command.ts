/** A command as an aggregate receives it. Plain data: it rides in scheduled actions. */
export interface Command {
  readonly id: string;
  readonly type: string;
  readonly aggregateId: string;
  readonly data: unknown;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** The command source, policy or "manual" that sent it. */
  readonly source: string;
}
