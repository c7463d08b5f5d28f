import { type FlowDocument, type FlowEdge, FlowDefaults } from '../flow';

/**
 * What an edge subscribes with, as the canvas labels it: an exchange's binding key (or its
 * headers arguments), a pub/sub subscription's channel or pattern; null for other edges and for
 * fanout bindings, which match everything.
 */
export function bindingLabel(flow: FlowDocument, edge: FlowEdge): string | null {
  const source = flow.nodes.find((n) => n.id === edge.source);
  if (source?.kind === 'pubsub') return edge.channel ?? FlowDefaults.channelPattern;
  if (source?.kind !== 'exchange' || source.exchangeType === 'fanout') return null;
  if (source.exchangeType === 'headers') {
    const args = Object.entries(edge.bindingArgs ?? {});
    return args.length === 0
      ? 'x-match=all'
      : args.map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ');
  }
  return edge.bindingKey === undefined || edge.bindingKey === '' ? '(empty key)' : edge.bindingKey;
}
