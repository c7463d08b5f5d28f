import type { FlowDocument } from '../../flow';
import { getOwn } from '../../lib/ownRecord';

/** One row of the Schemas panel's list. */
export interface EventTypeEntry {
  readonly eventType: string;
  /** The newest schema version; null for a type producers publish without a schema. */
  readonly newest: number | null;
  /** Names of the producers that publish it. */
  readonly producers: readonly string[];
}

// An aggregate's events are named in its decide code: `type: 'OrderPlaced'` inside a returned event.
const DECIDED_TYPE = /\btype:\s*['"]([A-Za-z][A-Za-z0-9_.]*)['"]/g;

/** Event types an aggregate's code decides, and those read models filter on. */
function eventSourcedTypes(flow: FlowDocument): string[] {
  return flow.nodes.flatMap((n) => {
    if (n.kind === 'aggregate') return [...(getOwn(flow.code, n.id) ?? '').matchAll(DECIDED_TYPE)].map((m) => m[1]!);
    if (n.kind === 'consumer' || n.kind === 'projection') return [...(n.eventTypes ?? [])];
    return [];
  });
}

/** The flow's event types: those with schemas, those producers publish, and those aggregates decide, by name. */
export function eventTypeEntries(flow: FlowDocument): EventTypeEntry[] {
  const names = new Set([
    ...Object.keys(flow.schemas),
    ...flow.nodes.flatMap((n) => (n.kind === 'producer' ? [n.eventType] : [])),
    ...eventSourcedTypes(flow),
  ]);
  return [...names].sort().map((eventType) => ({
    eventType,
    newest: getOwn(flow.schemas, eventType)?.versions.at(-1)?.version ?? null,
    producers: flow.nodes.flatMap((n) => (n.kind === 'producer' && n.eventType === eventType ? [n.name] : [])),
  }));
}

const TYPE_NAME = /^[A-Za-z][A-Za-z0-9_.]*$/;

/** Why a name typed for a new event type cannot be one, or null when it can. */
export function eventTypeNameProblem(name: string, taken: readonly string[]): string | null {
  if (name === '') return 'Event type: type a name such as OrderPlaced';
  if (name.length > 100) return 'Event type: must be at most 100 characters';
  if (!TYPE_NAME.test(name))
    return 'Event type: a letter, then letters, digits, "_" or "." (OrderPlaced, shop.OrderPlaced)';
  if (taken.includes(name)) return `Event type: ${name} is already listed`;
  return null;
}
