/** Kafka's own error names (`org.apache.kafka.common.protocol.Errors`) for the requests this model can refuse. */
export const KafkaErrorCode = {
  /** A record the log will not take: no key on a compacted topic. */
  InvalidRecord: 'INVALID_RECORD',
  /** A partition count below 1, or a request to lower one (Kafka can only add partitions). */
  InvalidPartitions: 'INVALID_PARTITIONS',
  /** A member id the group does not know, or one that is already taken. */
  UnknownMemberId: 'UNKNOWN_MEMBER_ID',
  /** A configuration value out of range. */
  InvalidConfig: 'INVALID_CONFIG',
} as const;
export type KafkaErrorCode = (typeof KafkaErrorCode)[keyof typeof KafkaErrorCode];

/** A request the model refuses because Kafka would; the caller shows `message` to the person. */
export class KafkaError extends Error {
  constructor(
    readonly code: KafkaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KafkaError';
  }
}
