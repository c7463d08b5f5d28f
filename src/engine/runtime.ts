import type { FlowDocument, FlowEdge, FlowNode } from '../flow';
import { zeroCounters } from './counters';
import type { RunInput } from './input';
import { deliver } from './nodes/handlerNode';
import { publish, scheduleNextProduction } from './nodes/producer';
import type { RunContext } from './nodes/runContext';
import { seedRandom } from './random';
import type { NodeState, RuntimeSnapshot, RuntimeState, ScheduledAction } from './runtimeState';
import { filterActions, peekAction, popAction, pushAction } from './scheduler';
import { StepKind, type StepRecord } from './stepRecord';
import { findUncloneable } from './uncloneable';

/** A snapshot could not be taken because a node keeps something that is not data. */
export class SnapshotError extends Error {
  constructor(
    readonly node: string,
    reason: string,
  ) {
    super(reason);
  }
}

function initialState(flow: FlowDocument): RuntimeState {
  return { step: 0, time: 0, random: seedRandom(flow.seed), seq: 0, queue: [], nodes: {}, edges: {} };
}

/**
 * One run of a flow: a pure state machine over virtual time. Each call to `step()` executes the
 * next scheduled action and returns what it did; nothing here reads a clock or a global random.
 */
export class Runtime implements RunContext {
  state: RuntimeState;
  flow: FlowDocument;
  private nodesById = new Map<string, FlowNode>();
  private edgesFrom = new Map<string, FlowEdge[]>();

  private constructor(flow: FlowDocument, state: RuntimeState) {
    this.flow = flow;
    this.state = state;
    this.index(flow);
  }

  /** A fresh run at step 0 with each producer's first event scheduled. */
  static start(flow: FlowDocument): Runtime {
    const runtime = new Runtime(flow, initialState(flow));
    for (const node of flow.nodes) if (node.kind === 'producer') scheduleNextProduction(runtime, node);
    return runtime;
  }

  static restore(snapshot: RuntimeSnapshot): Runtime {
    return new Runtime(snapshot.flow, structuredClone(snapshot.state));
  }

  /** A copy of the whole state; throws SnapshotError naming the node when handler state is not plain data. */
  snapshot(): RuntimeSnapshot {
    try {
      return { flow: this.flow, state: structuredClone(this.state) };
    } catch (error) {
      for (const [id, node] of Object.entries(this.state.nodes)) {
        const found = findUncloneable(node.data, 'ctx.state');
        if (found) throw new SnapshotError(id, `${found}; handler state must be plain JSON data`);
      }
      throw error;
    }
  }

  private index(flow: FlowDocument): void {
    this.nodesById = new Map(flow.nodes.map((n) => [n.id, n]));
    this.edgesFrom = new Map();
    for (const edge of flow.edges) {
      const list = this.edgesFrom.get(edge.source) ?? [];
      list.push(edge);
      this.edgesFrom.set(edge.source, list);
    }
  }

  node(id: string): FlowNode | undefined {
    return this.nodesById.get(id);
  }

  nodeState(id: string): NodeState {
    let state = this.state.nodes[id];
    if (!state) {
      state = { counters: zeroCounters(), sequence: 0, data: {} };
      this.state.nodes[id] = state;
    }
    return state;
  }

  outgoing(id: string): readonly FlowEdge[] {
    return this.edgesFrom.get(id) ?? [];
  }

  schedule(action: ScheduledAction): void {
    action.seq = this.state.seq++;
    pushAction(this.state.queue, action);
  }

  /** Virtual time of the next scheduled action, or undefined when nothing is left to do. */
  nextTime(): number | undefined {
    return peekAction(this.state.queue)?.time;
  }

  /** Executes the next scheduled action as one step; undefined when the queue is empty. */
  step(): StepRecord | undefined {
    for (;;) {
      const action = popAction(this.state.queue);
      if (!action) return undefined;
      const record = this.execute(action);
      if (record) return this.finish(record);
    }
  }

  private execute(action: ScheduledAction): StepRecord | undefined {
    const node = this.nodesById.get(action.node);
    // Actions of a node removed by an edit are dropped when the flow changes; this is a guard.
    if (!node) return undefined;
    this.state.time = Math.max(this.state.time, action.time);
    if (action.kind === 'produce' && node.kind === 'producer') {
      const record = publish(this, node);
      scheduleNextProduction(this, node);
      return record;
    }
    if (action.kind === 'deliver' && (node.kind === 'consumer' || node.kind === 'projection')) return deliver(this, node, action);
    return undefined;
  }

  private finish(record: StepRecord): StepRecord {
    this.state.step++;
    return record;
  }

  /** Executes an input from outside the run as the next step. */
  apply(input: RunInput): StepRecord {
    if (input.type === 'publish') {
      const node = this.nodesById.get(input.producer);
      if (!node || node.kind !== 'producer') {
        return this.finish({ kind: StepKind.Fault, step: this.state.step, time: this.state.time, node: input.producer, error: 'no such producer' });
      }
      return this.finish(publish(this, node, input.data));
    }
    this.reconfigure(input.flow);
    return this.finish({ kind: StepKind.FlowChange, step: this.state.step, time: this.state.time, node: '', summary: input.summary });
  }

  /** Switches to an edited flow mid-run: removed nodes lose their pending work, producers follow their new rate. */
  private reconfigure(flow: FlowDocument): void {
    const before = this.nodesById;
    this.flow = flow;
    this.index(flow);
    const producerChanged = (id: string): boolean => {
      const old = before.get(id);
      const now = this.nodesById.get(id);
      return !old || old.kind !== 'producer' || now?.kind !== 'producer' || old.rate !== now.rate;
    };
    const edgeIds = new Set(flow.edges.map((e) => e.id));
    this.state.queue = filterActions(this.state.queue, (a) => {
      if (!this.nodesById.has(a.node)) return false;
      if (a.kind === 'produce') return !producerChanged(a.node);
      return edgeIds.has(a.edge);
    });
    for (const node of flow.nodes) if (node.kind === 'producer' && producerChanged(node.id)) scheduleNextProduction(this, node);
    for (const id of Object.keys(this.state.nodes)) if (!this.nodesById.has(id)) delete this.state.nodes[id];
  }
}
