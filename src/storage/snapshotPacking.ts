import type { KafkaRecord } from '../engine';
import { getOwn, setOwn } from '../lib/ownRecord';
import type { SnapshotRecord } from './records';
import { decodeTopicRecords, encodeTopicRecords, type EncodedTopicRecords } from './topicRecordCodec';

// A snapshot holds every topic's retained records, but a closed topic segment never changes (the
// cleaner gives a compacted one a new array), and consecutive snapshots share the same arrays. So
// each closed segment is stored once, as a record of its own, and a snapshot names it: a stored
// snapshot costs its active segments and small state, not thousands of records each time. Either
// kind of segment is stored encoded (topicRecordCodec), which IndexedDB clones far faster.

/** A closed topic segment's records, stored once and named by the snapshots that hold it. */
export interface TopicSegmentRecord {
  /** `<writer branch>/<topic>/<partition>/<base offset>/<count>@<snapshot step>`: unique, and a branch's own start with its id. */
  id: string;
  /** Written before records were encoded. */
  records?: readonly KafkaRecord[];
  encoded?: EncodedTopicRecords;
}

/** A stored topic segment's records, decoded. */
export function topicSegmentRecords(segment: TopicSegmentRecord): readonly KafkaRecord[] {
  if (segment.encoded) return decodeTopicRecords(segment.encoded);
  // An empty list here would restore a snapshot with records silently missing.
  if (!segment.records) throw new Error(`stored topic segment ${segment.id} holds no records`);
  return segment.records;
}

/** A closed segment to write: its stored form, and the array it was made from (which storage then has). */
export interface PackedSegment {
  readonly record: TopicSegmentRecord;
  readonly source: readonly KafkaRecord[];
}

/** Where a packed snapshot's closed segment was taken out. */
interface ClosedSegmentRef {
  topic: string;
  partition: number;
  segment: number;
  id: string;
}

/** Where a packed snapshot's active segment was taken out, with its records encoded. */
interface ActiveSegmentRef {
  topic: string;
  partition: number;
  segment: number;
  encoded: EncodedTopicRecords;
}

/**
 * A snapshot as IndexedDB holds it: topic segments emptied, the closed ones named in `closedSegments`
 * and the active ones encoded in `activeSegments` (each absent in records written before).
 */
export interface StoredSnapshot extends SnapshotRecord {
  closedSegments?: ClosedSegmentRef[];
  activeSegments?: ActiveSegmentRef[];
}

/** The ids a branch's own topic segments start with (a range in the store). */
export function topicSegmentRange(branchId: string): IDBKeyRange {
  // '/' + 1 is '0': every id `${branchId}/…` sorts in [branchId + '/', branchId + '0').
  return IDBKeyRange.bound(`${branchId}/`, `${branchId}0`, false, true);
}

const LOADED_KEPT = 4096;

/** Packs snapshots for storage and unpacks them; remembers which segment arrays storage already has. */
export class SnapshotPacker {
  private readonly stored = new WeakMap<readonly KafkaRecord[], string>();
  /** Segments read back, by id, so snapshots loaded one after another share them (and are not written again). */
  private readonly loaded = new Map<string, readonly KafkaRecord[]>();

  /**
   * The record to store and the closed segments storage lacks; call `confirm` once they are stored.
   * `fresh` carries the segments packed earlier in the same batch, so one batch writes each once.
   */
  pack(
    record: SnapshotRecord,
    fresh = new Map<readonly KafkaRecord[], string>(),
  ): { stored: StoredSnapshot; segments: PackedSegment[] } {
    const state = record.snapshot.state;
    const refs: ClosedSegmentRef[] = [];
    const active: ActiveSegmentRef[] = [];
    const segments: PackedSegment[] = [];
    const topics: typeof state.kafka.topics = {};
    for (const [topicId, topic] of Object.entries(state.kafka.topics)) {
      setOwn(topics, topicId, {
        ...topic,
        partitions: topic.partitions.map((log, partition) => ({
          ...log,
          segments: log.segments.map((segment, index) => {
            if (segment.records.length === 0) return segment;
            // The last segment takes appends: it is stored with the snapshot.
            if (index === log.segments.length - 1) {
              active.push({ topic: topicId, partition, segment: index, encoded: encodeTopicRecords(segment.records) });
              return { ...segment, records: [] };
            }
            let id = this.stored.get(segment.records) ?? fresh.get(segment.records);
            if (id === undefined) {
              id = `${record.branchId}/${topicId}/${partition}/${segment.baseOffset}/${segment.records.length}@${record.step}`;
              fresh.set(segment.records, id);
              segments.push({ record: { id, encoded: encodeTopicRecords(segment.records) }, source: segment.records });
            }
            refs.push({ topic: topicId, partition, segment: index, id });
            return { ...segment, records: [] };
          }),
        })),
      });
    }
    const packed = { ...record.snapshot, state: { ...state, kafka: { ...state.kafka, topics } } };
    return { stored: { ...record, snapshot: packed, closedSegments: refs, activeSegments: active }, segments };
  }

  /** Storage now holds these segments: later snapshots sharing them only name them. */
  confirm(segments: readonly PackedSegment[]): void {
    for (const { record, source } of segments) this.stored.set(source, record.id);
  }

  /** Ids of the segments `stored` names that have not been read back lately. */
  missing(stored: StoredSnapshot): string[] {
    return [...new Set((stored.closedSegments ?? []).map((r) => r.id))].filter((id) => !this.loaded.has(id));
  }

  /** The snapshot whole again (mutates `stored`, a fresh copy from storage); `read` gives what `missing` asked for. */
  unpack(stored: StoredSnapshot, read: ReadonlyMap<string, readonly KafkaRecord[]>): SnapshotRecord {
    for (const [id, records] of read) this.remember(id, records);
    const topics = stored.snapshot.state.kafka.topics;
    for (const ref of stored.closedSegments ?? []) {
      const records = read.get(ref.id) ?? this.loaded.get(ref.id);
      const segment = getOwn(topics, ref.topic)?.partitions[ref.partition]?.segments[ref.segment];
      if (!records || !segment)
        throw new Error(
          `stored snapshot at step ${stored.step} names topic segment ${ref.id}, which storage does not have`,
        );
      segment.records = records as KafkaRecord[];
    }
    for (const ref of stored.activeSegments ?? []) {
      const segment = getOwn(topics, ref.topic)?.partitions[ref.partition]?.segments[ref.segment];
      if (!segment)
        throw new Error(
          `stored snapshot at step ${stored.step} has records for segment ${ref.segment} of ${ref.topic}/${ref.partition}, which it does not hold`,
        );
      segment.records = decodeTopicRecords(ref.encoded);
    }
    delete stored.closedSegments;
    delete stored.activeSegments;
    return stored;
  }

  private remember(id: string, records: readonly KafkaRecord[]): void {
    this.loaded.set(id, records);
    this.stored.set(records, id);
    for (const old of this.loaded.keys()) {
      if (this.loaded.size <= LOADED_KEPT) break;
      this.loaded.delete(old);
    }
  }
}
