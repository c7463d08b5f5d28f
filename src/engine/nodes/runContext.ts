import type { FlowDocument, FlowEdge, FlowNode } from '../../flow';
import type { Topology } from '../brokers/amqp';
import type { CodeSandbox } from '../code/codeSandbox';
import type { NodeState, RuntimeState, ScheduledAction } from '../runtimeState';
import type { HandlerCalls } from './handlerCalls';

/** What a node's code may touch while it takes a step: the state, the flow, and the scheduler. */
export interface RunContext {
  readonly state: RuntimeState;
  readonly flow: FlowDocument;
  /** The flow's user code, compiled and run in its sandbox. */
  readonly code: CodeSandbox;
  /** ctx.now, ctx.random and ctx.log of this run's handler calls. */
  readonly handlerCalls: HandlerCalls;
  node(id: string): FlowNode | undefined;
  nodeState(id: string): NodeState;
  /** Edges leaving a node, in document order. */
  outgoing(id: string): readonly FlowEdge[];
  /** The edge from one node to another, if they are wired. */
  edgeBetween(source: string, target: string): FlowEdge | undefined;
  /** The AMQP exchanges, queues and bindings the flow declares. */
  topology(): Topology;
  /** Queues an action; its `seq` is overwritten with the next insertion number. */
  schedule(action: ScheduledAction): void;
}
