import type { DomainEvent, StoredEvent } from './storedEvent';

/** The decider's refusal of a command: nothing is appended and the reason is shown. */
export interface Rejection {
  readonly rejected: string;
}

export type Decision = readonly DomainEvent[] | Rejection;

/**
 * An aggregate as three functions (Jérémie Chassaing's decider): `decide` turns a command and the
 * current state into new events or a rejection; `evolve` folds one event into the state. Both come
 * from user code, so the state must be plain data (snapshots store it) and they must be pure.
 */
export interface Decider<Command, State> {
  /** Copied before every fold, so an `evolve` that mutates its state cannot change it. */
  readonly initialState: State;
  decide(command: Command, state: State): Decision;
  evolve(state: State, event: StoredEvent): State;
}

export function isRejection(decision: Decision): decision is Rejection {
  return !Array.isArray(decision);
}

/** The state after folding `events` into `state`. */
export function fold<State>(decider: Decider<unknown, State>, state: State, events: readonly StoredEvent[]): State {
  let current = state;
  for (const event of events) current = decider.evolve(current, event);
  return current;
}
