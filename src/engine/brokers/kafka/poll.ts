import { getOwn } from '../../../lib/ownRecord';
import { KafkaDefaults } from './defaults';
import { OffsetReset, type ConsumerGroupState } from './groupState';
import { liveMember, maybeAutoCommit } from './offsets';
import { firstRecordFrom, highWatermark, read, type KafkaRecord } from './partitionLog';
import type { Topics } from './topic';
import { partitionKey, tpKey } from './topicPartition';

interface PolledRecord {
  readonly topic: string;
  readonly partition: number;
  readonly record: KafkaRecord;
}

/** A position that fell outside the log (retention deleted it) and was moved by auto.offset.reset. */
interface PositionReset {
  readonly topic: string;
  readonly partition: number;
  readonly from: number;
  readonly to: number;
  readonly policy: OffsetReset;
}

export interface PollResult {
  readonly records: readonly PolledRecord[];
  /** What the auto-commit at the start of this poll committed, or null when none was due. */
  readonly autoCommitted: Readonly<Record<string, number>> | null;
  readonly resets: readonly PositionReset[];
}

/**
 * `consumer.poll()`: first the auto-commit if due (so it commits what earlier polls returned), then
 * up to `maxRecords` (`max.poll.records`) records from the member's partitions in (topic, partition)
 * order, advancing its positions past them. A position below the log start or past the log end is
 * reset by `auto.offset.reset` (earliest: log start; latest: log end).
 */
export function poll(
  group: ConsumerGroupState,
  topics: Topics,
  memberId: string,
  now: number,
  maxRecords: number = KafkaDefaults.maxPollRecords,
): PollResult {
  liveMember(group, memberId);
  const autoCommitted = maybeAutoCommit(group, memberId, now);
  const records: PolledRecord[] = [];
  const resets: PositionReset[] = [];
  for (const tp of getOwn(group.assignment, memberId) ?? []) {
    if (records.length >= maxRecords) break;
    const log = getOwn(topics, tp.topic)?.partitions[tp.partition];
    const key = tpKey(tp);
    const position = group.positions[key];
    if (!log || position === undefined) continue;
    let result = read(log, position, maxRecords - records.length);
    if (result.kind === 'offset-out-of-range') {
      const policy = group.config.autoOffsetReset;
      const to = policy === OffsetReset.Earliest ? log.logStartOffset : highWatermark(log);
      resets.push({ topic: tp.topic, partition: tp.partition, from: position, to, policy });
      result = read(log, to, maxRecords - records.length);
    }
    if (result.kind !== 'records') continue;
    for (const record of result.records) records.push({ topic: tp.topic, partition: tp.partition, record });
    group.positions[key] = result.nextOffset;
  }
  return { records, autoCommitted, resets };
}

/** One polled record and the auto-commit that ran first. */
export interface PolledOne extends PolledRecord {
  readonly autoCommitted: Readonly<Record<string, number>> | null;
}

/**
 * `poll()` with `max.poll.records` = 1, as a simulated consumer takes one record per step: the same
 * auto-commit, resets and positions as `poll(…, 1)`, without building lists. Undefined when no
 * record waits (an auto-commit that was due has still run).
 */
export function pollOne(
  group: ConsumerGroupState,
  topics: Topics,
  memberId: string,
  now: number,
): PolledOne | undefined {
  liveMember(group, memberId);
  const autoCommitted = maybeAutoCommit(group, memberId, now);
  const assigned = getOwn(group.assignment, memberId);
  if (!assigned) return undefined;
  for (const tp of assigned) {
    const log = getOwn(topics, tp.topic)?.partitions[tp.partition];
    const key = partitionKey(tp.topic, tp.partition);
    let position = group.positions[key];
    if (!log || position === undefined) continue;
    if (position < log.logStartOffset || position > log.logEndOffset) {
      position = group.config.autoOffsetReset === OffsetReset.Earliest ? log.logStartOffset : highWatermark(log);
    }
    const record = firstRecordFrom(log, position);
    if (record) {
      group.positions[key] = record.offset + 1;
      return { topic: tp.topic, partition: tp.partition, record, autoCommitted };
    }
    // Nothing at or after the position: whatever lay between is gone, so the next read starts at the log end.
    group.positions[key] = log.logEndOffset;
  }
  return undefined;
}
