import type { StepRecord } from './stepRecord';

/** A node as the search sees it: its id and, for a subscriber, the consumer group it is in. */
export interface TouchTarget {
  readonly id: string;
  readonly group?: string | undefined;
}

/**
 * Whether a step concerns a node: the node acted, a publish went to it (a topic), a delivery came
 * from it (a topic), or its consumer group rebalanced (it is in the group, or was before or after).
 */
export function stepTouchesNode(step: StepRecord, node: TouchTarget): boolean {
  if (step.node === node.id) return true;
  switch (step.kind) {
    case 'publish':
      return step.topics.includes(node.id);
    case 'deliver':
      return step.topic === node.id;
    case 'rebalance':
      return step.group === node.group || node.id in step.before || node.id in step.after;
    default:
      return false;
  }
}
