import type { FlowDocument } from '../../flow';
import { getOwn } from '../../lib/ownRecord';
import { dataDeclarations } from './dataDeclarations';
import { eventTypesReaching, typesInFlow, typesNamedIn } from './eventTypesReaching';
import { AGGREGATE_TYPES } from './handlerTypes';

type Member = (type: string, data: string | undefined) => string;

/** A union of one member per type; a type without a schema gets `any` data. */
function union(types: readonly string[], names: ReadonlyMap<string, string>, member: Member, fallback: string): string {
  if (types.length === 0) return fallback;
  return types.map((type) => `\n  | ${member(JSON.stringify(type), names.get(type))}`).join('');
}

const sorted = (...lists: (readonly string[])[]): string[] => [...new Set(lists.flat())].sort();

/**
 * The ambient declarations of one node's code, from the flow's schemas: `XData` per event type,
 * and for a consumer or projection `TidemarkEvent`, a union over the types that can reach it
 * (one type: that type alone), so `event.type === 'X'` narrows `event.data` to `XData`. Where the
 * wiring cannot tell every type (replies, an aggregate's events), the types the flow and the
 * code itself name are added, so comparing with them is not reported as impossible.
 * `source` is the code as being edited.
 */
export function handlerDeclarations(flow: FlowDocument, nodeId: string, source: string): string {
  const data = dataDeclarations(flow.schemas);
  const node = flow.nodes.find((n) => n.id === nodeId);
  if (node?.kind === 'aggregate')
    return `${data.text}\n${AGGREGATE_TYPES}\n${aggregateEvents(flow, source, data.names)}`;
  const reaching = eventTypesReaching(flow, nodeId);
  const upstreamCode = flow.edges
    .filter((e) => e.target === nodeId && flow.nodes.some((n) => n.id === e.source && n.kind === 'aggregate'))
    .map((e) => getOwn(flow.code, e.source) ?? '');
  const types = reaching.open
    ? sorted(reaching.types, typesInFlow(flow), typesNamedIn(source), ...upstreamCode.map(typesNamedIn))
    : reaching.types;
  const event = union(types, data.names, (type, name) => `EventOf<${type}, ${name ?? 'any'}>`, 'EventOf<string, any>');
  return `${data.text}\n/** The events this node can receive. */\ntype TidemarkEvent = ${event};\n`;
}

/** DomainEvent (what decide returns) and StoredEvent (what evolve folds) over every type the flow and the code name. */
function aggregateEvents(flow: FlowDocument, source: string, names: ReadonlyMap<string, string>): string {
  const types = sorted(typesInFlow(flow), typesNamedIn(source));
  // Data is checked against the schema when appended; a type without one may leave it out.
  const domain = union(
    types,
    names,
    (type, name) => (name ? `{ type: ${type}; data: ${name} }` : `{ type: ${type}; data?: any }`),
    '{ type: string; data?: any }',
  );
  const stored = union(
    types,
    names,
    (type, name) => `StoredEventOf<${type}, ${name ?? 'any'}>`,
    'StoredEventOf<string, any>',
  );
  return `/** An event as decide returns it. */\ntype DomainEvent = ${domain};\n\n/** An event as evolve receives it. */\ntype StoredEvent = ${stored};\n`;
}
