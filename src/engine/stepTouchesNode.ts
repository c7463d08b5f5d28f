import { hasOwn } from '../lib/ownRecord';
import type { DeathNote, StepRecord } from './stepRecord';

const diedIn = (deaths: readonly DeathNote[] | undefined, nodeId: string): boolean =>
  deaths?.some((d) => d.queue === nodeId || d.deadLetteredTo?.includes(nodeId)) ?? false;

/** A node as the search sees it: its id and, for a subscriber, the consumer group it is in. */
export interface TouchTarget {
  readonly id: string;
  readonly group?: string | undefined;
}

/**
 * Whether a step concerns a node: the node acted, a publish reached it (a topic, an exchange or
 * queue on its route, a pub/sub node), a delivery came from it (a topic, a queue, a pub/sub node,
 * the aggregate whose event was read), a message died in it, a command came from it, or its
 * consumer group rebalanced (it is in the group, or was before or after).
 */
export function stepTouchesNode(step: StepRecord, node: TouchTarget): boolean {
  if (step.node === node.id) return true;
  switch (step.kind) {
    case 'publish':
      return (
        step.topics.includes(node.id) ||
        (step.amqp?.some((r) => r.exchange === node.id || r.queues.includes(node.id)) ?? false) ||
        (step.channels?.some((c) => c.pubsub === node.id) ?? false) ||
        diedIn(step.deaths, node.id)
      );
    case 'deliver':
      return step.topic === node.id;
    case 'queue-deliver':
      return step.queue === node.id || diedIn(step.deaths, node.id);
    case 'expire':
      return diedIn(step.deaths, node.id);
    case 'pubsub-deliver':
      return step.pubsub === node.id;
    case 'command':
      return step.source === node.id;
    case 'rebalance':
      return step.group === node.group || hasOwn(step.before, node.id) || hasOwn(step.after, node.id);
    default:
      return false;
  }
}
