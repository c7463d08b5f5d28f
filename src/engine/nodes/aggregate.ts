import type { AggregateNode } from '../../flow';
import { getOwn, hasOwn, setOwn } from '../../lib/ownRecord';
import type { CodeSandbox } from '../code/codeSandbox';
import { errorMessage } from '../code/errorMessage';
import { deepFreeze } from '../deepFreeze';
import {
  appendDecision,
  clearSnapshots,
  isRejection,
  load,
  type Decider,
  type DomainEvent,
  type LoadedAggregate,
  type StoredEvent,
} from '../eventsourcing';
import { StepKind, type AppendStep, type CommandStep } from '../stepRecord';
import { currentSchemaVersion, readAsCurrent, schemaProblem } from './eventSchemas';
import type { Command } from '../command';
import type { RunContext } from './runContext';
import { wakeStoreSubscribers } from './storeSubscription';

// An aggregate is a decider written by the person: decide(command, state) → events or
// { rejected }, evolve(state, event) → state. Handling a command takes two steps, its latency
// apart: load and decide, then append expecting the version loaded. Whatever another command
// appends to the stream in between makes the append a conflict, retried or failed per setting.

const DEFAULT_AGGREGATE_CODE = `const initialState = {};

function decide(command, state) {
  return [];
}

function evolve(state, event) {
  return state;
}
`;

/** What a decider module exports; one constant list, so its compiled modules are found without building a key. */
const DECIDER_NAMES = ['decide', 'evolve', 'initialState'] as const;

const DEFAULT_MAX_RETRIES = 3;
const DECIDER_MISSING = 'the code must define decide(command, state) and evolve(state, event)';

interface DeciderModule {
  decide?: (command: unknown, state: unknown) => unknown;
  evolve?: (state: unknown, event: unknown) => unknown;
  initialState?: unknown;
}

/** Why an aggregate's code cannot run (it does not compile, or lacks decide or evolve), or undefined. */
export function deciderCodeProblem(code: CodeSandbox, source: string): string | undefined {
  if (!code.isTrusted) return code.parsedProblem(source, ['decide', 'evolve'], DECIDER_MISSING);
  const compiled = code.module<DeciderModule>(source, DECIDER_NAMES);
  if (!compiled.ok) return compiled.error;
  try {
    const module = compiled.load();
    return typeof module.decide === 'function' && typeof module.evolve === 'function' ? undefined : DECIDER_MISSING;
  } catch (error) {
    return errorMessage(error);
  }
}

/** Drops the snapshots of every stream this aggregate writes (they were folded by code that changed). */
export function dropSnapshotsOf(run: RunContext, nodeId: string): void {
  const { store, owners } = run.state.es;
  for (const [streamId, owner] of Object.entries(owners)) if (owner === nodeId) clearSnapshots(store, streamId);
}

/** The aggregate's code as a Decider; evolve sees each event as its type's newest schema version. */
export function deciderOf(
  run: RunContext,
  node: AggregateNode,
): { ok: true; decider: Decider<Command, unknown> } | { ok: false; error: string } {
  const compiled = run.code.module<DeciderModule>(
    getOwn(run.flow.code, node.id) ?? DEFAULT_AGGREGATE_CODE,
    DECIDER_NAMES,
  );
  if (!compiled.ok) return { ok: false, error: `aggregate code does not compile: ${compiled.error}` };
  const module = compiled.load();
  const { decide, evolve } = module;
  if (typeof decide !== 'function' || typeof evolve !== 'function') return { ok: false, error: DECIDER_MISSING };
  const initialState =
    typeof module.initialState === 'function' ? (module.initialState as () => unknown)() : (module.initialState ?? {});
  return {
    ok: true,
    decider: {
      initialState,
      decide: (command, state) => {
        const decided = decide(deepFreeze({ ...command }), state);
        // One event may be returned alone; undefined decides nothing.
        if (decided === undefined) return [];
        return (
          decided !== null && typeof decided === 'object' && 'type' in decided ? [decided] : decided
        ) as DomainEvent[];
      },
      evolve: (state, event: StoredEvent) => {
        const read = readAsCurrent(run.code, run.flow, event.type, event.schemaVersion, event.data);
        if (!read.ok) throw new Error(`cannot read ${event.type} v${event.schemaVersion}: ${read.error}`);
        const next = evolve(state, read.data === event.data ? event : { ...event, data: read.data });
        // evolve may change the state in place and return nothing.
        return next === undefined ? state : next;
      },
    },
  };
}

type Decided =
  | { readonly kind: 'decided'; readonly loaded: LoadedAggregate<unknown>; readonly events: DomainEvent[] }
  | { readonly kind: 'rejected'; readonly loaded: LoadedAggregate<unknown>; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string; readonly loaded?: LoadedAggregate<unknown> };

/** Loads the stream (snapshot + tail) and decides; events that break their schema fail the command. */
function decideOn(run: RunContext, decider: Decider<Command, unknown>, command: Command): Decided {
  let loaded: LoadedAggregate<unknown> | undefined;
  try {
    loaded = load(run.state.es.store, decider, command.aggregateId);
    const decision: unknown = decider.decide(command, loaded.state);
    if (!Array.isArray(decision)) {
      const rejected = (decision as { rejected?: unknown } | null)?.rejected;
      if (typeof rejected === 'string' && isRejection({ rejected }))
        return { kind: 'rejected', loaded, reason: rejected };
      return {
        kind: 'failed',
        loaded,
        reason: 'decide must return events (an array, or one event) or { rejected: "a reason" }',
      };
    }
    const events: DomainEvent[] = [];
    for (const event of decision as unknown[]) {
      const { type, data } = (event ?? {}) as { type?: unknown; data?: unknown };
      if (typeof type !== 'string' || type === '')
        return {
          kind: 'failed',
          loaded,
          reason: 'each decided event needs a type: { type: "OrderPlaced", data: { … } }',
        };
      const invalid = schemaProblem(run.flow, type, data ?? {});
      if (invalid !== undefined) return { kind: 'failed', loaded, reason: `event refused: ${invalid}` };
      events.push({ type, data: data ?? {}, schemaVersion: currentSchemaVersion(run.flow, type) });
    }
    return { kind: 'decided', loaded, events };
  } catch (error) {
    return { kind: 'failed', reason: errorMessage(error), ...(loaded ? { loaded } : {}) };
  }
}

function scheduleAppend(
  run: RunContext,
  node: AggregateNode,
  command: Command,
  decided: Extract<Decided, { kind: 'decided' }>,
  attempt: number,
): void {
  run.schedule({
    kind: 'aggregate-append',
    time: run.state.time + node.latencyMs,
    seq: 0,
    node: node.id,
    command,
    loaded: decided.loaded,
    events: decided.events,
    attempt,
  });
}

/** A command arrives: the aggregate loads its stream and decides. A decision is appended one latency later. */
export function decideCommand(run: RunContext, node: AggregateNode, command: Command): CommandStep {
  const counters = run.nodeState(node.id).counters;
  counters.delivered++;
  const base = {
    kind: StepKind.Command,
    step: run.state.step,
    time: run.state.time,
    node: node.id,
    source: command.source,
    commandId: command.id,
    commandType: command.type,
    streamId: command.aggregateId,
    correlationId: command.correlationId,
    causationId: command.causationId,
    attempt: 1,
  } as const;
  const compiled = deciderOf(run, node);
  const decided: Decided = compiled.ok
    ? decideOn(run, compiled.decider, command)
    : { kind: 'failed', reason: compiled.error };
  const loaded = decided.loaded;
  const how = loaded
    ? {
        version: loaded.version,
        ...(loaded.snapshotVersion !== null ? { snapshotVersion: loaded.snapshotVersion } : {}),
        replayed: loaded.replayed,
      }
    : { version: 0 };
  if (decided.kind !== 'decided') {
    counters.failed++;
    return { ...base, ...how, outcome: decided.kind, reason: decided.reason };
  }
  if (!hasOwn(run.state.es.owners, command.aggregateId)) setOwn(run.state.es.owners, command.aggregateId, node.id);
  scheduleAppend(run, node, command, decided, 1);
  return { ...base, ...how, outcome: 'decided', events: decided.events.map((e) => e.type) };
}

/** The append half: expected version = the version loaded. A conflict decides again (retry) or fails the command. */
export function appendCommand(
  run: RunContext,
  node: AggregateNode,
  action: { command: Command; loaded: LoadedAggregate<unknown>; events: readonly DomainEvent[]; attempt: number },
): AppendStep {
  const { command, loaded, attempt } = action;
  const counters = run.nodeState(node.id).counters;
  const base = {
    kind: StepKind.Append,
    step: run.state.step,
    time: run.state.time,
    node: node.id,
    commandId: command.id,
    commandType: command.type,
    streamId: command.aggregateId,
    expectedVersion: loaded.version,
    attempt,
  } as const;
  const compiled = deciderOf(run, node);
  if (!compiled.ok) {
    counters.failed++;
    return { ...base, outcome: 'failed', reason: compiled.error };
  }
  const store = run.state.es.store;
  // The store keeps one snapshot setting; each aggregate's applies to the streams it writes.
  store.config.snapshotEvery = node.snapshotEvery ?? 0;
  let result;
  try {
    result = appendDecision(store, compiled.decider, loaded, action.events, run.state.time, {
      commandId: command.id,
      correlationId: command.correlationId,
    });
  } catch (error) {
    counters.failed++;
    return { ...base, outcome: 'failed', reason: `evolve failed: ${errorMessage(error)}` };
  }
  if (result.ok) {
    counters.handled++;
    counters.published += result.events.length;
    wakeStoreSubscribers(run, node.id);
    return {
      ...base,
      outcome: 'appended',
      events: result.events.map((e) => ({
        type: e.type,
        eventId: e.metadata.eventId,
        version: e.version,
        position: e.globalPosition,
      })),
      ...(result.snapshots.length > 0 ? { snapshots: result.snapshots } : {}),
    };
  }
  setOwn(run.state.es.conflicts, node.id, (getOwn(run.state.es.conflicts, node.id) ?? 0) + 1);
  const conflict = { ...base, outcome: 'conflict' as const, actualVersion: result.error.actual };
  const retries = node.onConflict === 'fail' ? 0 : (node.maxRetries ?? DEFAULT_MAX_RETRIES);
  if (attempt > retries) {
    counters.failed++;
    return { ...conflict, then: 'failed' };
  }
  const again = decideOn(run, compiled.decider, command);
  if (again.kind !== 'decided') {
    counters.failed++;
    return { ...conflict, then: again.kind === 'rejected' ? 'rejected' : 'failed', reason: again.reason };
  }
  scheduleAppend(run, node, command, again, attempt + 1);
  return { ...conflict, then: 'retry' };
}
