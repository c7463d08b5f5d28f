import type { FlowDocument, FlowNode } from '../../flow';

/** The event types a node's code can receive, as far as the wiring tells. */
export interface EventTypesReaching {
  /** Types that can arrive, sorted. */
  readonly types: readonly string[];
  /** Others may arrive too: replies, an aggregate's decisions, or a node wired to nothing. */
  readonly open: boolean;
}

interface Reach {
  readonly types: Set<string>;
  open: boolean;
}

/**
 * Follows the edges back from a subscriber to the producers that feed it: through topics, pub/sub,
 * queues, exchange bindings, alternate and dead letter exchanges. Routing keys are not evaluated,
 * so a type may be listed that a binding never lets through.
 */
export function eventTypesReaching(flow: FlowDocument, nodeId: string): EventTypesReaching {
  const byId = new Map(flow.nodes.map((n) => [n.id, n] as const));
  const node = byId.get(nodeId);
  const reach: Reach = { types: new Set(), open: false };
  if (!node || (node.kind !== 'consumer' && node.kind !== 'projection')) return { types: [], open: true };
  const sources = flow.edges.filter((e) => e.target === nodeId).flatMap((e) => byId.get(e.source) ?? []);
  if (sources.length === 0) reach.open = true;
  const visited = new Set<string>();
  for (const source of sources) {
    if (source.kind === 'aggregate') {
      // An event store subscription reads what the aggregate decides, filtered by eventTypes if set.
      if (node.eventTypes && node.eventTypes.length > 0) for (const type of node.eventTypes) reach.types.add(type);
      else reach.open = true;
    } else {
      collectInto(flow, byId, source, reach, visited);
    }
  }
  return { types: [...reach.types].sort(), open: reach.open };
}

/** Adds the types a broker node (topic, pub/sub, queue, exchange) can hold. */
function collectInto(
  flow: FlowDocument,
  byId: ReadonlyMap<string, FlowNode>,
  broker: FlowNode,
  reach: Reach,
  visited: Set<string>,
): void {
  // Exchanges may bind in a loop.
  if (visited.has(broker.id)) return;
  visited.add(broker.id);
  for (const edge of flow.edges) {
    if (edge.target !== broker.id) continue;
    const source = byId.get(edge.source);
    if (source?.kind === 'producer') reach.types.add(source.eventType);
    else if (source?.kind === 'exchange') collectInto(flow, byId, source, reach, visited);
  }
  for (const other of flow.nodes) {
    if (broker.kind === 'exchange' && other.kind === 'exchange' && other.alternateExchange === broker.id)
      collectInto(flow, byId, other, reach, visited);
    if (broker.kind === 'exchange' && other.kind === 'queue' && other.deadLetterExchange === broker.id)
      collectInto(flow, byId, other, reach, visited);
    if (broker.kind === 'queue' && other.kind === 'producer' && other.replyTo === broker.id) {
      // Replies default to "<request type>Reply"; a responder may name another type.
      reach.types.add(`${other.eventType}Reply`);
      reach.open = true;
    }
  }
}

const TYPE_NAME = '[A-Za-z][A-Za-z0-9_.]*';
// `type === 'X'`, `case 'X'`, `type: 'X'`: the places code names an event type.
const NAMED_TYPE = new RegExp(String.raw`(?:\btype\s*[!=]==?\s*|\bcase\s+|\btype\s*:\s*)(['"\`])(${TYPE_NAME})\1`, 'g');

/** Event type names a piece of code writes as string literals, sorted. */
export function typesNamedIn(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(NAMED_TYPE)) if (match[2] !== undefined) names.add(match[2]);
  return [...names].sort();
}

/** Every event type the flow mentions: schemas, producers and subscriber filters. */
export function typesInFlow(flow: FlowDocument): string[] {
  const names = new Set(Object.keys(flow.schemas));
  for (const node of flow.nodes) {
    if (node.kind === 'producer') names.add(node.eventType);
    if ((node.kind === 'consumer' || node.kind === 'projection') && node.eventTypes)
      for (const type of node.eventTypes) names.add(type);
  }
  return [...names].sort();
}
