/** Kafka's own defaults for the settings this model has (broker, topic and consumer configs). */
export const KafkaDefaults = {
  /** session.timeout.ms (45 s since Kafka 3.0; 10 s before). */
  sessionTimeoutMs: 45_000,
  /** auto.commit.interval.ms */
  autoCommitIntervalMs: 5_000,
  /** enable.auto.commit */
  enableAutoCommit: true,
  /** auto.offset.reset */
  autoOffsetReset: 'latest',
  /** max.poll.records */
  maxPollRecords: 500,
  /** segment.ms: 7 days */
  segmentMs: 604_800_000,
  /** retention.ms: 7 days */
  retentionMs: 604_800_000,
  /** delete.retention.ms: 1 day */
  deleteRetentionMs: 86_400_000,
} as const;
