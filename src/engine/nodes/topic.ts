import { type TopicNode, FlowDefaults } from '../../flow';
import { getOwn, setOwn } from '../../lib/ownRecord';
import {
  addPartitions,
  applyRetention,
  compact,
  createTopic,
  produce,
  type KafkaTopic,
  type TopicConfig,
} from '../brokers/kafka';
import type { CloudEvent } from '../cloudEvent';
import { StepKind, type StepRecord } from '../stepRecord';
import type { RunContext } from './runContext';
import { wakeOwners } from './consumerGroups';

const DELETE_RETENTION_MS = 86_400_000;

function topicConfig(node: TopicNode, unkeyed: 'round-robin' | 'sticky' = 'round-robin'): TopicConfig {
  return {
    segmentRecords: node.segmentRecords ?? FlowDefaults.segmentRecords,
    segmentMs: Number.MAX_SAFE_INTEGER,
    ...(node.compaction ? { cleanupPolicy: 'compact,delete' as const } : {}),
    partitioner: unkeyed === 'sticky' ? { unkeyed: 'sticky', batchSize: 16 } : { unkeyed: 'round-robin' },
  };
}

/** The topic's log, created on first use; its partition count follows the flow (raised, never lowered). */
export function topicLog(run: RunContext, node: TopicNode): KafkaTopic {
  const wanted = node.partitions ?? FlowDefaults.partitions;
  let topic = getOwn(run.state.kafka.topics, node.id);
  if (!topic) {
    topic = createTopic(node.id, wanted, run.state.time);
    setOwn(run.state.kafka.topics, node.id, topic);
  } else if (wanted > topic.partitions.length) {
    addPartitions(topic, wanted, run.state.time);
  }
  return topic;
}

// The flow document is immutable, so a topic node's config is built once per node object and unkeyed strategy.
const configs = new WeakMap<TopicNode, Partial<Record<'round-robin' | 'sticky', TopicConfig>>>();

function configFor(node: TopicNode, unkeyed: 'round-robin' | 'sticky'): TopicConfig {
  let byStrategy = configs.get(node);
  if (!byStrategy) {
    byStrategy = {};
    configs.set(node, byStrategy);
  }
  return (byStrategy[unkeyed] ??= topicConfig(node, unkeyed));
}

/**
 * Appends an event to a topic: the key picks the partition (murmur2, as Kafka), the owners of that
 * partition in every subscribed group are woken, and a rolled segment schedules a cleanup.
 */
export function appendToTopic(
  run: RunContext,
  node: TopicNode,
  event: CloudEvent,
  key: string | null,
  unkeyed: 'round-robin' | 'sticky' | undefined,
): { topic: string; partition: number; offset: number } {
  const topic = topicLog(run, node);
  const { partition, record } = produce(
    topic,
    { key, value: event, eventId: event.id },
    run.state.time,
    configFor(node, unkeyed ?? 'round-robin'),
  );
  const state = run.nodeState(node.id);
  state.sequence++;
  state.counters.published++;
  const log = topic.partitions[partition]!;
  if (log.segments.length > 1 && log.segments[log.segments.length - 1]!.records.length === 1) {
    run.schedule({ kind: 'cleanup', time: run.state.time, seq: 0, node: node.id, partition });
  }
  wakeOwners(run, node.id, partition);
  return { topic: node.id, partition, offset: record.offset };
}

/** Retention (and compaction when enabled) on one partition after a segment rolled; a step only when it removed something. */
export function cleanUp(run: RunContext, node: TopicNode, partition: number): StepRecord | undefined {
  const log = getOwn(run.state.kafka.topics, node.id)?.partitions[partition];
  if (!log) return undefined;
  const compacted = node.compaction
    ? compact(log, run.state.time, { deleteRetentionMs: DELETE_RETENTION_MS }).removed
    : 0;
  const retained = applyRetention(log, run.state.time, {
    ...(node.retentionMs !== undefined ? { retentionMs: node.retentionMs } : {}),
    retentionRecords:
      node.retentionRecords ??
      (node.retentionMs === undefined ? FlowDefaults.retentionRecords : Number.MAX_SAFE_INTEGER),
  }).deletedRecords;
  if (compacted + retained === 0) return undefined;
  return {
    kind: StepKind.Cleanup,
    step: run.state.step,
    time: run.state.time,
    node: node.id,
    partition,
    removed: compacted + retained,
    logStartOffset: log.logStartOffset,
    reason: retained > 0 ? 'retention' : 'compaction',
  };
}
