import type { FlowDocument, NodeOfKind } from '../flow';
import type { CodeSandbox, RunContext, ScheduledAction, StepRecord } from '../engine';
import type { NodeKind } from './nodeKinds';

export type ActionKind = ScheduledAction['kind'];
export type ActionOf<A extends ActionKind> = Extract<ScheduledAction, { kind: A }>;

/** How a node runs one of its scheduled actions: the step it took, or undefined when there was nothing to do. */
export type NodeAction<N, A extends ActionKind> = (
  run: RunContext,
  node: N,
  action: ActionOf<A>,
) => StepRecord | undefined;

/** The scheduled actions a kind's nodes own, each with how it runs. */
export type NodeActions<N> = { readonly [A in ActionKind]?: NodeAction<N, A> };

/** A kind whose nodes act on a rate of their own (a producer, a command source). */
interface Pace<N> {
  /** The action the pace schedules; pending ones are dropped when an edit changes the pace. */
  readonly action: ActionKind;
  changed(old: N, now: N): boolean;
  /** Schedules the next action (at the start of a run, and after an edit changed the pace). */
  scheduleNext(run: RunContext, node: N): void;
}

/**
 * What the engine does with a node of one kind. Its document schema, connections and defaults are
 * in <kind>Node.ts; its card, inspector and palette entry in <kind>Ui.ts.
 */
export interface KindModule<K extends NodeKind> {
  /** At the start of a run, before consumer groups form and brokers are declared. */
  readonly open?: (run: RunContext, node: NodeOfKind<K>) => void;
  readonly pace?: Pace<NodeOfKind<K>>;
  /** After an edit, once paced kinds are rescheduled: bring the node's runtime state in line with the new flow (`before` is the flow the edit replaced). */
  readonly afterEdit?: (run: RunContext, node: NodeOfKind<K>, before: FlowDocument) => void;
  readonly actions: NodeActions<NodeOfKind<K>>;
  /** Why the node's code cannot run, for a kind whose code is not a handler (a handler is checked by default). */
  readonly codeProblem?: (code: CodeSandbox, source: string) => string | undefined;
}
