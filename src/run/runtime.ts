import {
  type FlowDocument,
  type FlowEdge,
  type FlowNode,
  type SubscriberNode,
  NODE_KINDS,
  type NodeKind,
} from '../flow';
import { getOwn, hasOwn, setOwn } from '../lib/ownRecord';
import {
  zeroCounters,
  type RunInput,
  HandlerCalls,
  controlConsumer,
  formGroups,
  groupSync,
  resetGroupOffsets,
  sessionExpiry,
  subscribedTopics,
  syncGroups,
  copyKafkaState,
  emptyKafkaState,
  emptyAmqpState,
  topologyOf,
  copyEsState,
  emptyEsState,
  rebuildReadModel,
  crashConnection,
  restartConnection,
  syncBrokers,
  usesAmqpOrPubSub,
  type Topology,
  type RunContext,
  seedRandom,
  type NodeState,
  type RuntimeSnapshot,
  type RuntimeState,
  type ScheduledAction,
  filterActions,
  peekAction,
  popAction,
  pushAction,
  StepKind,
  type ConsumerStep,
  type StepRecord,
  checkInvariants,
  findUncloneable,
  CodeSandbox,
} from '../engine';
import type { ActionKind, ActionOf, NodeAction } from '../kinds/kindModule';
import { kindModule } from '../kinds/registry';
import { sendCommand } from '../kinds/command/sendCommand';
import { publish } from '../kinds/producer/publish';

/** A snapshot could not be taken because a node keeps something that is not data. */
export class SnapshotError extends Error {
  constructor(
    readonly node: string,
    reason: string,
  ) {
    super(reason);
  }
}

/** A copy of the state for a snapshot (or a restore); topic logs share their closed segments. */
// Keys in the order initialState() writes them (kafka last), so a copy serialises exactly like the original.
function copyState(state: RuntimeState): RuntimeState {
  const { es, kafka, ...rest } = state;
  return { ...structuredClone(rest), es: copyEsState(es), kafka: copyKafkaState(kafka) };
}

type ActionHandler<A extends ActionKind> = (run: Runtime, action: ActionOf<A>) => StepRecord | undefined;

/** An action a node owns: run by the module of the node's kind, when that kind owns the action. */
const byNode =
  <A extends ActionKind>(kind: A): ActionHandler<A> =>
  (run, action) =>
    run.nodeAction(kind, action);

/** How each scheduled action runs; the compiler checks that every kind of action has a handler. */
const ACTIONS: { readonly [A in ActionKind]: ActionHandler<A> } = {
  'session-expiry': (run, action) => sessionExpiry(run, action.group),
  'group-sync': (run, action) => groupSync(run, action),
  produce: byNode('produce'),
  cleanup: byNode('cleanup'),
  command: byNode('command'),
  'aggregate-decide': byNode('aggregate-decide'),
  'aggregate-append': byNode('aggregate-append'),
  'queue-expire': byNode('queue-expire'),
  'queue-handle': byNode('queue-handle'),
  'store-read': byNode('store-read'),
  'pubsub-handle': byNode('pubsub-handle'),
  fetch: byNode('fetch'),
  handle: byNode('handle'),
  commit: byNode('commit'),
};

/** The actions a paced kind schedules for itself (a producer's produce, a command source's command). */
const PACED_ACTIONS: ReadonlySet<ActionKind> = new Set(
  NODE_KINDS.flatMap((kind) => kindModule(kind).pace?.action ?? []),
);

/** Nodes grouped by kind in registry order, each group in document order: the order hooks run in. */
function byKind(flow: FlowDocument): readonly (readonly [NodeKind, readonly FlowNode[]])[] {
  return NODE_KINDS.map((kind) => [kind, flow.nodes.filter((node) => node.kind === kind)] as const);
}

function initialState(flow: FlowDocument): RuntimeState {
  return {
    step: 0,
    time: 0,
    random: seedRandom(flow.seed),
    seq: 0,
    queue: [],
    nodes: {},
    edges: {},
    amqp: emptyAmqpState(),
    broken: {},
    es: emptyEsState(),
    kafka: emptyKafkaState(),
  };
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
  private edgesBetween = new Map<string, Map<string, FlowEdge>>();
  private amqpTopology: Topology = { exchanges: [], queues: [], bindings: [] };
  readonly handlerCalls: HandlerCalls = new HandlerCalls(this);

  private constructor(
    flow: FlowDocument,
    state: RuntimeState,
    readonly code: CodeSandbox,
  ) {
    this.flow = flow;
    this.state = state;
    this.index(flow);
  }

  /** A fresh run at step 0: topics created, consumer groups formed, each producer's first event scheduled. No user code runs here. */
  static start(flow: FlowDocument, code: CodeSandbox = new CodeSandbox()): Runtime {
    const runtime = new Runtime(flow, initialState(flow), code);
    const kinds = byKind(flow);
    for (const [kind, nodes] of kinds) for (const node of nodes) kindModule(kind).open?.(runtime, node);
    formGroups(runtime);
    syncBrokers(runtime);
    for (const [kind, nodes] of kinds) for (const node of nodes) kindModule(kind).pace?.scheduleNext(runtime, node);
    return runtime;
  }

  static restore(snapshot: RuntimeSnapshot, code: CodeSandbox = new CodeSandbox()): Runtime {
    const state = copyState(snapshot.state);
    // Snapshots stored before queues, pub/sub and aggregates existed have none of them: they were empty.
    state.amqp ??= emptyAmqpState();
    state.es ??= emptyEsState();
    state.broken ??= {};
    return new Runtime(snapshot.flow, state, code);
  }

  /** A copy of the whole state; throws SnapshotError naming the node when handler state is not plain data. */
  snapshot(): RuntimeSnapshot {
    try {
      return { flow: this.flow, state: copyState(this.state) };
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
    this.edgesBetween = new Map();
    for (const edge of flow.edges) {
      const list = this.edgesFrom.get(edge.source) ?? [];
      list.push(edge);
      this.edgesFrom.set(edge.source, list);
      const targets = this.edgesBetween.get(edge.source) ?? new Map<string, FlowEdge>();
      // The first of two parallel edges, as a search of outgoing() in document order finds.
      if (!targets.has(edge.target)) targets.set(edge.target, edge);
      this.edgesBetween.set(edge.source, targets);
    }
    this.amqpTopology = topologyOf(flow);
  }

  topology(): Topology {
    return this.amqpTopology;
  }

  node(id: string): FlowNode | undefined {
    return this.nodesById.get(id);
  }

  nodeState(id: string): NodeState {
    let state = getOwn(this.state.nodes, id);
    if (!state) {
      state = { counters: zeroCounters(), sequence: 0, data: {} };
      setOwn(this.state.nodes, id, state);
    }
    return state;
  }

  outgoing(id: string): readonly FlowEdge[] {
    return this.edgesFrom.get(id) ?? [];
  }

  edgeBetween(source: string, target: string): FlowEdge | undefined {
    return this.edgesBetween.get(source)?.get(target);
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
    this.state.time = Math.max(this.state.time, action.time);
    return (ACTIONS[action.kind] as ActionHandler<ActionKind>)(this, action);
  }

  /** Runs an action through the module of its node's kind; nothing when the node is gone or its kind does not own the action. */
  nodeAction<A extends ActionKind>(kind: A, action: ActionOf<A>): StepRecord | undefined {
    const node = this.nodesById.get(action.node);
    // Actions of a node removed by an edit are dropped when the flow changes; this is a guard.
    if (!node) return undefined;
    const handler = kindModule(node.kind).actions[kind] as NodeAction<FlowNode, A> | undefined;
    return handler?.(this, node, action);
  }

  private finish(record: StepRecord): StepRecord {
    this.state.step++;
    if (this.flow.invariants === undefined || this.flow.invariants.length === 0) return record;
    const broken = checkInvariants(this);
    return broken ? { ...record, broken } : record;
  }

  /** Executes an input from outside the run as the next step. */
  apply(input: RunInput): StepRecord {
    if (input.type === 'publish') {
      const node = this.nodesById.get(input.producer);
      if (!node || node.kind !== 'producer') {
        return this.finish({
          kind: StepKind.Fault,
          step: this.state.step,
          time: this.state.time,
          node: input.producer,
          error: 'no such producer',
        });
      }
      return this.finish(publish(this, node, input.data));
    }
    if (input.type === 'reset-offsets') return this.finish(resetGroupOffsets(this, input.group, input.target));
    if (input.type === 'command') {
      const node = this.nodesById.get(input.node);
      if (node?.kind !== 'command')
        return this.finish({
          kind: StepKind.Fault,
          step: this.state.step,
          time: this.state.time,
          node: input.node,
          error: 'no such command source',
        });
      return this.finish(sendCommand(this, node, input.data));
    }
    if (input.type === 'rebuild') {
      const node = this.nodesById.get(input.node);
      if (node?.kind !== 'consumer' && node?.kind !== 'projection')
        return this.finish({
          kind: StepKind.Fault,
          step: this.state.step,
          time: this.state.time,
          node: input.node,
          error: 'no such read model',
        });
      return this.finish(rebuildReadModel(this, node));
    }
    if (input.type === 'consumer') {
      const node = this.nodesById.get(input.node);
      if (!node || (node.kind !== 'consumer' && node.kind !== 'projection')) {
        return this.finish({
          kind: StepKind.Fault,
          step: this.state.step,
          time: this.state.time,
          node: input.node,
          error: 'no such consumer',
        });
      }
      return this.finish(this.control(node, input.action));
    }
    this.reconfigure(input.flow);
    return this.finish({
      kind: StepKind.FlowChange,
      step: this.state.step,
      time: this.state.time,
      node: '',
      summary: input.summary,
    });
  }

  /** Crash or restart: its Kafka membership (when it reads topics) and its AMQP and pub/sub connection together. */
  private control(node: SubscriberNode, action: 'crash' | 'restart'): ConsumerStep {
    const kafka = subscribedTopics(this, node.id).length > 0 || hasOwn(this.state.kafka.members, node.id);
    const base: ConsumerStep = kafka
      ? controlConsumer(this, node, action)
      : { kind: StepKind.Consumer, step: this.state.step, time: this.state.time, node: node.id, action };
    if (!usesAmqpOrPubSub(this, node.id) && !hasOwn(this.state.amqp.connections, node.id)) return base;
    if (action === 'restart') {
      restartConnection(this, node.id);
      return base;
    }
    const { requeued, lost } = crashConnection(this, node.id);
    return { ...base, ...(requeued > 0 ? { requeued } : {}), ...(lost > 0 ? { lost } : {}) };
  }

  /** Switches to an edited flow mid-run: removed nodes lose their pending work, producers follow their new rate. */
  private reconfigure(flow: FlowDocument): void {
    const before = this.nodesById;
    const beforeFlow = this.flow;
    this.flow = flow;
    this.index(flow);
    // Paced kinds (producers, command sources) follow a new rate from now on.
    const paceChanged = (id: string): boolean => {
      const old = before.get(id);
      const now = this.nodesById.get(id);
      if (!old || !now || old.kind !== now.kind) return true;
      return kindModule(now.kind).pace?.changed(old, now) ?? true;
    };
    this.state.queue = filterActions(this.state.queue, (a) => {
      if (a.kind === 'session-expiry' || (a.kind === 'group-sync' && a.node === '')) return true;
      if (!this.nodesById.has(a.node)) return false;
      return !PACED_ACTIONS.has(a.kind) || !paceChanged(a.node);
    });
    const kinds = byKind(flow);
    for (const [kind, nodes] of kinds) {
      const pace = kindModule(kind).pace;
      if (pace) for (const node of nodes) if (paceChanged(node.id)) pace.scheduleNext(this, node);
    }
    for (const id of Object.keys(this.state.es.subscriptions))
      if (!this.nodesById.has(id)) delete this.state.es.subscriptions[id];
    for (const [kind, nodes] of kinds) for (const node of nodes) kindModule(kind).afterEdit?.(this, node, beforeFlow);
    for (const id of Object.keys(this.state.nodes)) if (!this.nodesById.has(id)) delete this.state.nodes[id];
    for (const id of Object.keys(this.state.kafka.topics))
      if (!this.nodesById.has(id)) delete this.state.kafka.topics[id];
    syncGroups(this);
    syncBrokers(this);
  }
}
