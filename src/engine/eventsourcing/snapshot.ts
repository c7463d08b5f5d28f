/** An aggregate's state after `version` events of its stream, so loading folds only the tail. */
export interface Snapshot<State = unknown> {
  readonly streamId: string;
  readonly version: number;
  readonly state: State;
}
