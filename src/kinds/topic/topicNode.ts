import type { z } from 'zod';
import type { SchemaKit } from '../../flow';

const schema = ({ z, id, name, FlowDefaults }: SchemaKit) =>
  z.strictObject({
    id,
    kind: z.literal('topic'),
    name,
    /** Kafka partitions; can be raised while running, never lowered. Default 1. */
    partitions: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(64, 'must be at most 64')
      .optional(),
    /** retention.ms in virtual ms: closed segments older than this are deleted. */
    retentionMs: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
    /** Retention by size, counted in records per partition (Kafka counts bytes). */
    retentionRecords: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
    /** Records per log segment (Kafka rolls on bytes); retention and compaction act on closed segments. Default 100. */
    segmentRecords: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(FlowDefaults.maxSegmentRecords, 'must be at most 100,000')
      .optional(),
    /** cleanup.policy=compact: the latest value per key survives; a null value is a tombstone. */
    compaction: z.boolean().optional(),
  });

/** A topic node in the flow document: its fields, the kinds it may feed, its title, how a new one starts. */
export const topicNode = {
  schema,
  connectsTo: ['consumer', 'projection'],
  title: 'Topic',
  /** A new node's fields besides id, kind and name: runnable as it is dropped. */
  defaults: {} satisfies Omit<z.infer<ReturnType<typeof schema>>, 'id' | 'kind' | 'name'>,
} as const;
