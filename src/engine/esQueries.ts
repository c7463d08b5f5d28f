import { getOwn } from '../lib/ownRecord';
import {
  countEventsOfType,
  readByCorrelationId,
  readStream,
  stateAt,
  stateAtTime,
  streamVersion,
  type StoredEvent,
} from './eventsourcing';
import { deciderOf } from './nodes/aggregate';
import type { RunContext } from './nodes/runContext';

// Questions a person asks of the run at the cursor, answered without changing it: the state of
// an aggregate at a version or a time, how many events of a type a time range holds, the events of
// one conversation, and a query function over a read model.

export type LogQuery =
  | { readonly kind: 'state'; readonly streamId: string; readonly version?: number; readonly time?: number }
  | { readonly kind: 'count'; readonly eventType: string; readonly from: number; readonly to: number }
  | { readonly kind: 'correlation'; readonly id: string };

/** An event as a query answer lists it. */
export interface EventRow {
  readonly position: number;
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly time: number;
  readonly eventId: string;
  readonly causationId: string | null;
  readonly data: unknown;
}

export type LogQueryResult =
  | {
      readonly kind: 'state';
      readonly streamId: string;
      readonly aggregate: string;
      readonly version: number;
      readonly latest: number;
      readonly state: unknown;
      readonly events: readonly EventRow[];
    }
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'correlation'; readonly events: readonly EventRow[] };

/** Events a state answer lists: the newest this many up to the version asked for. */
const STREAM_ROWS = 200;

const row = (e: StoredEvent): EventRow => ({
  position: e.globalPosition,
  streamId: e.streamId,
  version: e.version,
  type: e.type,
  time: e.metadata.time,
  eventId: e.metadata.eventId,
  causationId: e.metadata.causationId,
  data: e.data,
});

export class QueryError extends Error {}

export function queryLog(run: RunContext, query: LogQuery): LogQueryResult {
  const store = run.state.es.store;
  if (query.kind === 'count')
    return { kind: 'count', count: countEventsOfType(store, query.eventType, query.from, query.to) };
  if (query.kind === 'correlation')
    return { kind: 'correlation', events: readByCorrelationId(store, query.id).map(row) };
  const owner = getOwn(run.state.es.owners, query.streamId);
  const node = owner === undefined ? undefined : run.node(owner);
  if (node?.kind !== 'aggregate') throw new QueryError(`no stream "${query.streamId}" at this step`);
  const compiled = deciderOf(run, node);
  if (!compiled.ok) throw new QueryError(compiled.error);
  const latest = streamVersion(store, query.streamId);
  const loaded =
    query.time !== undefined
      ? stateAtTime(store, compiled.decider, query.streamId, query.time)
      : stateAt(store, compiled.decider, query.streamId, query.version ?? latest);
  const from = Math.max(1, loaded.version - STREAM_ROWS + 1);
  const events =
    loaded.version === 0 ? [] : readStream(store, query.streamId, from, loaded.version - from + 1).map(row);
  return {
    kind: 'state',
    streamId: query.streamId,
    aggregate: node.id,
    version: loaded.version,
    latest,
    state: loaded.state,
    events,
  };
}

const QUERY_NAMES = ['query'] as const;

/** Runs `function query(readModel)` against a node's state at the cursor; the answer is a JSON copy. */
export function queryReadModel(run: RunContext, nodeId: string, code: string): unknown {
  const compiled = run.code.module<{ query?: (readModel: unknown) => unknown }>(code, QUERY_NAMES);
  if (!compiled.ok) throw new QueryError(`the query does not compile: ${compiled.error}`);
  const query = compiled.load().query;
  if (typeof query !== 'function') throw new QueryError('the code must define function query(readModel)');
  // A copy: a query that changes its argument must not change the run.
  const answer = query(structuredClone(getOwn(run.state.nodes, nodeId)?.data ?? {}));
  const text = JSON.stringify(answer);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}
