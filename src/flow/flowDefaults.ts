/**
 * What an optional field of a flow node means when it is absent: the engine runs with these and the
 * inspector shows them. No zod here, so the UI can import it without the schema.
 */
export const FlowDefaults = {
  partitions: 1,
  /** Records per segment (Kafka rolls on bytes). */
  segmentRecords: 100,
  maxSegmentRecords: 100_000,
  /** Records kept per partition when neither retention field is set: Tidemark's own, so snapshots stay small. */
  retentionRecords: 1000,
  /** The following are Kafka's own consumer defaults. */
  autoCommitIntervalMs: 5_000,
  sessionTimeoutMs: 45_000,
  offsetReset: 'latest',
  assignor: 'range',
  commit: 'auto',
  /** AMQP: RabbitMQ's defaults (prefetch 0 is unlimited), and Tidemark's choice for a throwing handler. */
  prefetch: 0,
  ack: 'manual',
  onError: 'dead-letter',
  overflow: 'drop-head',
  /** Pub/sub: a subscriber edge with no channel set listens to every channel. */
  channelPattern: '*',
} as const;
