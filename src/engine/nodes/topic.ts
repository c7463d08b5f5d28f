import type { CloudEvent } from '../cloudEvent';
import type { RunContext } from './runContext';

/**
 * A topic is one ordered log (partitions come later): an append takes the next offset and
 * schedules a delivery to every subscriber after that subscriber's latency.
 */
export function appendToTopic(run: RunContext, topicId: string, event: CloudEvent): void {
  const topic = run.nodeState(topicId);
  const offset = topic.sequence++;
  topic.counters.published++;
  for (const edge of run.outgoing(topicId)) {
    const subscriber = run.node(edge.target);
    if (!subscriber || !('latencyMs' in subscriber)) continue;
    run.schedule({
      kind: 'deliver',
      time: run.state.time + subscriber.latencyMs,
      seq: 0,
      node: subscriber.id,
      topic: topicId,
      edge: edge.id,
      offset,
      event,
    });
  }
}
