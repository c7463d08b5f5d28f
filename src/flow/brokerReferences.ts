import { isValidXMatch, XMatch } from './xMatch';
import type { FlowDocument, FlowNode } from './flowSchema';
import type { FlowProblem } from './flowProblem';

const article = (kind: string): string => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;

function refersTo(
  kinds: ReadonlyMap<string, FlowNode['kind']>,
  id: string | undefined,
  kind: FlowNode['kind'],
): string | undefined {
  if (id === undefined) return undefined;
  const found = kinds.get(id);
  if (found === undefined) return `no node has id "${id}"`;
  return found === kind ? undefined : `"${id}" is ${article(found)}, not ${article(kind)}`;
}

/**
 * The AMQP and pub/sub settings that name other nodes or belong to one kind of edge: an alternate
 * or dead letter exchange must be an exchange, reply_to a queue, binding settings sit on an
 * exchange's edges (x-match as RabbitMQ accepts it) and a channel on a pub/sub's.
 */
export function checkBrokerReferences(flow: FlowDocument): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const kinds = new Map(flow.nodes.map((n) => [n.id, n.kind] as const));
  const exchangeTypes = new Map(
    flow.nodes.flatMap((n) => (n.kind === 'exchange' ? [[n.id, n.exchangeType] as const] : [])),
  );
  const check = (path: string, reason: string | undefined) => {
    if (reason !== undefined) problems.push({ path, reason });
  };
  flow.nodes.forEach((node, i) => {
    if (node.kind === 'exchange')
      check(`nodes[${i}].alternateExchange`, refersTo(kinds, node.alternateExchange, 'exchange'));
    if (node.kind === 'queue')
      check(`nodes[${i}].deadLetterExchange`, refersTo(kinds, node.deadLetterExchange, 'exchange'));
    if (node.kind === 'producer') check(`nodes[${i}].replyTo`, refersTo(kinds, node.replyTo, 'queue'));
  });
  flow.edges.forEach((edge, i) => {
    const sourceType = exchangeTypes.get(edge.source);
    if ((edge.bindingKey !== undefined || edge.bindingArgs !== undefined) && sourceType === undefined)
      problems.push({ path: `edges[${i}]`, reason: 'only an edge from an exchange has a binding key or arguments' });
    if (edge.channel !== undefined && kinds.get(edge.source) !== 'pubsub')
      problems.push({
        path: `edges[${i}].channel`,
        reason: 'only an edge from a pub/sub node subscribes to a channel',
      });
    if (sourceType === 'headers') {
      if (!isValidXMatch(edge.bindingArgs?.['x-match']))
        problems.push({
          path: `edges[${i}].bindingArgs.x-match`,
          reason: `must be one of ${Object.values(XMatch).join(', ')}`,
        });
    }
  });
  return problems;
}
