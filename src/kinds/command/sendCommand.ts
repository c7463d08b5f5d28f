import {
  countOnEdge,
  errorMessage,
  fillKey,
  fillTemplate,
  nextUuid,
  StepKind,
  type StepRecord,
  type Command,
  decideCommand,
  type RunContext,
} from '../../engine';
import type { CommandNode } from '../../flow';

// A command source sends commands to the aggregate it is wired to, at a rate from a template or
// one by hand; each starts its own conversation (its id is the correlation id of what follows).

export function scheduleNextCommand(run: RunContext, node: CommandNode): void {
  if (node.rate > 0) run.schedule({ kind: 'command', time: run.state.time + 1000 / node.rate, seq: 0, node: node.id });
}

/** Builds the next command (from the template, or `manualData`) and has the wired aggregate decide on it in this step. */
export function sendCommand(run: RunContext, node: CommandNode, manualData?: unknown): StepRecord {
  const state = run.nodeState(node.id);
  const sequence = state.sequence + 1;
  const fault = (error: string): StepRecord => {
    state.counters.failed++;
    return { kind: StepKind.Fault, step: run.state.step, time: run.state.time, node: node.id, error };
  };
  const target = run
    .outgoing(node.id)
    .map((e) => run.node(e.target))
    .find((n) => n?.kind === 'aggregate');
  if (target?.kind !== 'aggregate')
    return fault(`${node.commandType} has no aggregate to go to: connect ${node.name} to one`);
  let data: unknown;
  let aggregateId: string;
  try {
    data =
      manualData !== undefined
        ? manualData
        : fillTemplate(run.code, node.payload, run.state.random, sequence, run.state.time);
    aggregateId = fillKey(run.code, node.aggregateId, data, run.state.random, sequence, run.state.time);
  } catch (error) {
    return fault(errorMessage(error));
  }
  state.sequence = sequence;
  state.counters.published++;
  const edge = run.edgeBetween(node.id, target.id);
  if (edge) countOnEdge(run.state.edges, edge.id);
  const id = nextUuid(run.state.random);
  const command: Command = {
    id,
    type: node.commandType,
    aggregateId,
    data,
    correlationId: id,
    causationId: null,
    source: manualData !== undefined ? 'manual' : node.id,
  };
  return decideCommand(run, target, command);
}
