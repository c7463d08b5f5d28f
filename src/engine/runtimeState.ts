import type { FlowDocument } from '../flow';
import type { CloudEvent } from './cloudEvent';
import type { Counters } from './counters';

/** A step waiting in the scheduler; ordered by (time, seq). `seq` is assigned by the scheduler. */
export type ScheduledAction =
  | { readonly kind: 'produce'; readonly time: number; seq: number; readonly node: string }
  | {
      readonly kind: 'deliver';
      readonly time: number;
      seq: number;
      readonly node: string;
      readonly topic: string;
      readonly edge: string;
      readonly offset: number;
      readonly event: CloudEvent;
    };

export interface NodeState {
  counters: Counters;
  /** Producer: events created so far; topic: the next offset. */
  sequence: number;
  /** Handler nodes: the JSON state their code keeps (a projection's read model). */
  data: Record<string, unknown>;
}

/** Everything a run knows, as plain data: cloning it is a snapshot. */
export interface RuntimeState {
  /** Steps executed so far (the index of the next step). */
  step: number;
  /** Virtual milliseconds. */
  time: number;
  /** The seeded generator's four words. */
  random: [number, number, number, number];
  /** Insertion counter that breaks ties between actions due at the same time. */
  seq: number;
  /** Binary min-heap of pending actions. */
  queue: ScheduledAction[];
  nodes: Record<string, NodeState>;
  edges: Record<string, number>;
}

export interface RuntimeSnapshot {
  readonly flow: FlowDocument;
  readonly state: RuntimeState;
}
