import type { Counters } from '../engine';
import type { BranchRun } from '../run';
import type { FlowDocument } from '../flow';
import { hasHandlerCode } from '../flow';
import { getOwn, setOwn } from '../lib/ownRecord';
import { LIVE_ROWS, type Frame, type Speed } from '../protocol';
import type { StepRecord } from '../engine';
import { amqpViews } from './amqpViews';
import { esViews } from './esViews';
import { brokerViews } from './brokerViews';

/** The view of the run a person sees: counters of every node, handler states, the newest rows. */
export function buildFrame(
  run: BranchRun,
  flow: FlowDocument,
  branchId: string,
  playing: boolean,
  speed: Speed,
  recent: readonly StepRecord[],
): Frame {
  const counters: Record<string, Counters> = {};
  const nodeStates: Record<string, unknown> = {};
  for (const node of flow.nodes) {
    const state = getOwn(run.state.nodes, node.id);
    setOwn(counters, node.id, state ? { ...state.counters } : { published: 0, delivered: 0, handled: 0, failed: 0 });
    if (hasHandlerCode(node.kind)) setOwn(nodeStates, node.id, state?.data ?? {});
  }
  const { topics, groups } = brokerViews(run.state.kafka);
  return {
    topics,
    groups,
    ...amqpViews(run.state.amqp),
    eventStore: esViews(run.context, flow),
    cursor: run.cursor,
    head: run.head,
    time: run.state.time,
    playing,
    speed,
    branchId,
    counters,
    edges: { ...run.state.edges },
    nodeStates,
    recent: recent.slice(-LIVE_ROWS),
  };
}
