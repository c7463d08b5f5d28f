import type { FlowDocument } from '../flow';

/** The code a flow carries, as a person reviews it before trusting it. */
export interface FlowCode {
  /** Nodes with their own handler or decider code. */
  readonly handlers: readonly string[];
  /** Producers and command sources whose templates hold {{ expressions }}. */
  readonly templates: readonly string[];
  /** "OrderPlaced v2" for each schema version with an upcaster. */
  readonly upcasters: readonly string[];
  readonly invariants: readonly string[];
}

const EXPRESSION = /\{\{[\s\S]*?\}\}/;

/** Whether any string in a JSON value holds a template expression. */
function hasExpression(value: unknown): boolean {
  if (typeof value === 'string') return EXPRESSION.test(value);
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(hasExpression);
}

export function flowCode(flow: FlowDocument): FlowCode {
  const handlers = flow.nodes.filter((n) => Object.hasOwn(flow.code, n.id)).map((n) => n.name);
  const templates = flow.nodes
    .filter((n) => {
      if (n.kind === 'producer') return hasExpression([n.payload, n.key, n.routingKey, n.headers, n.channel]);
      if (n.kind === 'command') return hasExpression([n.payload, n.aggregateId]);
      return false;
    })
    .map((n) => n.name);
  const upcasters = Object.entries(flow.schemas).flatMap(([type, entry]) =>
    entry.versions.filter((v) => v.upcaster !== undefined).map((v) => `${type} v${v.version}`),
  );
  const invariants = (flow.invariants ?? []).map((i) => i.name);
  return { handlers, templates, upcasters, invariants };
}
