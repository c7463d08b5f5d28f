import type { SubscriberNode } from '../../flow';
import type { CloudEvent } from '../cloudEvent';
import { compileHandler, errorMessage, type HandlerContext } from '../code/compileHandler';
import { deepFreeze } from '../deepFreeze';
import { nextFloat } from '../random';
import { Outcome, StepKind, type DeliverStep } from '../stepRecord';
import type { RunContext } from './runContext';

// Consumers and projections run the same way: a delivery calls the node's handler with the event
// and a context over the node's own JSON state. A projection's state is its read model.

export const DEFAULT_HANDLER = 'function handle(event, ctx) {}\n';

export function formatLogArgs(args: readonly unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' ');
}

/** Runs `handle(event, ctx)` once; the state object is mutated in place by the handler. */
export function runHandler(
  run: RunContext,
  node: SubscriberNode,
  event: CloudEvent,
  data: Record<string, unknown>,
): { error?: string; logs: string[] } {
  const logs: string[] = [];
  const compiled = compileHandler(run.flow.code[node.id] ?? DEFAULT_HANDLER);
  if (!compiled.ok) return { error: `handler does not compile: ${compiled.error}`, logs };
  const ctx: HandlerContext = {
    now: () => run.state.time,
    random: () => nextFloat(run.state.random),
    log: (...args) => void logs.push(formatLogArgs(args)),
    state: data,
    node: { id: node.id, name: node.name },
  };
  try {
    compiled.handle(event, ctx);
    return { logs };
  } catch (error) {
    return { error: errorMessage(error), logs };
  }
}

export function deliver(
  run: RunContext,
  node: SubscriberNode,
  action: { topic: string; edge: string; offset: number; event: CloudEvent },
): DeliverStep {
  const state = run.nodeState(node.id);
  run.nodeState(action.topic).counters.delivered++;
  run.state.edges[action.edge] = (run.state.edges[action.edge] ?? 0) + 1;
  state.counters.delivered++;
  // Snapshots hold structured clones, which are not frozen: freeze again before user code sees the event.
  const { error, logs } = runHandler(run, node, deepFreeze(action.event), state.data);
  if (error === undefined) state.counters.handled++;
  else state.counters.failed++;
  const record: DeliverStep = {
    kind: StepKind.Deliver,
    step: run.state.step,
    time: run.state.time,
    node: node.id,
    topic: action.topic,
    offset: action.offset,
    eventId: action.event.id,
    eventType: action.event.type,
    outcome: error === undefined ? Outcome.Handled : Outcome.Failed,
    ...(error === undefined ? {} : { error }),
    ...(logs.length > 0 ? { logs } : {}),
  };
  return record;
}
