import type { DeliverStep, PublishStep, StepRecord } from '../engine';
import { float64, int32, MAX_NAMES, NameTable, uint16, uint8 } from './columns';
import { EventColumns, eventReader, type EncodedEvents } from './eventColumns';
import { isPlainDeliver, NOT_PLAIN, plainPublishShape } from './plainSteps';

// Steps are encoded as they are recorded, so the records die young and a stored segment is a few
// typed arrays and string lists: IndexedDB copies those at memory speed, where a thousand record
// objects cost it ~2.5 ms to clone. Plain deliver and publish steps (nearly all of a Kafka run) go
// into columns; every other step is kept as its JSON text, which is how the log is exported anyway.
// The contract: a decoded record has the JSON text of the one encoded.

/** The encoded form's version. DO NOT CHANGE THE LAYOUT WITHOUT A NEW VERSION AND A DECODER FOR THE OLD ONE. */
const STEP_CODEC_VERSION = 2;
/** Version 1 had no publish columns: its publish steps are JSON rows. */
const READABLE_VERSIONS: readonly number[] = [1, 2];

/** How one step is kept. */
const Row = { Deliver: 0, Json: 1, Object: 2, Publish: 3 } as const;

/** Plain publish steps' columns, one entry per publish row in step order (the placements one flat list). */
interface EncodedPublishes extends EncodedEvents {
  readonly node: Uint16Array;
  readonly time: Float64Array;
  /** How many topics each publish placed its event in, then the placements one after another. */
  readonly placedCount: Uint16Array;
  readonly placedTopic: Uint16Array;
  readonly placedPartition: Int32Array;
  readonly placedOffset: Float64Array;
}

export interface EncodedSteps {
  readonly version: 1 | typeof STEP_CODEC_VERSION;
  readonly count: number;
  /** A Row per step. */
  readonly rows: Uint8Array;
  /** Node ids, topics, event types and sources of the columns, by index. */
  readonly names: readonly string[];
  /** Deliver columns, one entry per deliver row in step order. */
  readonly node: Uint16Array;
  readonly topic: Uint16Array;
  readonly eventType: Uint16Array;
  readonly time: Float64Array;
  readonly partition: Int32Array;
  readonly offset: Float64Array;
  readonly failed: Uint8Array;
  readonly eventIds: readonly string[];
  /** Version 2 on. */
  readonly publishes?: EncodedPublishes;
  /** JSON rows' text, in step order. */
  readonly json: readonly string[];
  /** Steps JSON cannot hold exactly (kept as they are; IndexedDB clones them). */
  readonly objects: readonly StepRecord[];
}

/** The record's JSON text, or undefined when JSON cannot hold it (a cycle, a BigInt). */
function jsonText(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

class DeliverColumns {
  readonly node;
  readonly topic;
  readonly eventType;
  readonly time;
  readonly partition;
  readonly offset;
  readonly failed;
  readonly eventIds: string[] = [];

  constructor(capacity: number) {
    this.node = uint16(capacity);
    this.topic = uint16(capacity);
    this.eventType = uint16(capacity);
    this.time = float64(capacity);
    this.partition = int32(capacity);
    this.offset = float64(capacity);
    this.failed = uint8(capacity);
  }

  add(record: DeliverStep, names: NameTable): void {
    this.node.push(names.of(record.node));
    this.topic.push(names.of(record.topic));
    this.eventType.push(names.of(record.eventType));
    this.time.push(record.time);
    this.partition.push(record.partition!);
    this.offset.push(record.offset);
    this.failed.push(record.outcome === 'failed' ? 1 : 0);
    this.eventIds.push(record.eventId);
  }

  copy() {
    return {
      node: this.node.copy(),
      topic: this.topic.copy(),
      eventType: this.eventType.copy(),
      time: this.time.copy(),
      partition: this.partition.copy(),
      offset: this.offset.copy(),
      failed: this.failed.copy(),
      eventIds: this.eventIds.slice(),
    };
  }
}

class PublishColumns {
  private readonly events;
  private readonly node;
  private readonly time;
  private readonly placedCount;
  private readonly placedTopic;
  private readonly placedPartition;
  private readonly placedOffset;

  constructor(capacity: number) {
    this.events = new EventColumns(capacity);
    this.node = uint16(capacity);
    this.time = float64(capacity);
    this.placedCount = uint16(capacity);
    this.placedTopic = uint16(capacity);
    this.placedPartition = int32(capacity);
    this.placedOffset = float64(capacity);
  }

  add(record: PublishStep, shape: number, data: string, names: NameTable): void {
    this.events.add(record.event, shape, data, names);
    this.node.push(names.of(record.node));
    this.time.push(record.time);
    const placed = record.placed!;
    this.placedCount.push(placed.length);
    for (const at of placed) {
      this.placedTopic.push(names.of(at.topic));
      this.placedPartition.push(at.partition);
      this.placedOffset.push(at.offset);
    }
  }

  copy(): EncodedPublishes {
    return {
      ...this.events.copy(),
      node: this.node.copy(),
      time: this.time.copy(),
      placedCount: this.placedCount.copy(),
      placedTopic: this.placedTopic.copy(),
      placedPartition: this.placedPartition.copy(),
      placedOffset: this.placedOffset.copy(),
    };
  }
}

/** Encodes the steps of one segment as they are recorded; `encode()` hands out a copy of what it holds so far. */
export class StepEncoder {
  private readonly rows;
  private readonly names = new NameTable();
  private readonly delivers;
  private readonly publishes;
  private readonly json: string[] = [];
  private readonly objects: StepRecord[] = [];
  count = 0;

  constructor(
    readonly firstStep: number,
    capacity: number,
  ) {
    this.rows = uint8(capacity);
    this.delivers = new DeliverColumns(capacity);
    this.publishes = new PublishColumns(capacity >> 2);
  }

  add(record: StepRecord): void {
    const step = this.firstStep + this.count++;
    // A column row interns at most 3 names (a publish 3 and one per topic): room is checked first.
    const room = MAX_NAMES - this.names.size;
    if (room > 3 && isPlainDeliver(record, step)) {
      this.rows.push(Row.Deliver);
      this.delivers.add(record, this.names);
      return;
    }
    const shape = plainPublishShape(record, step);
    if (shape !== NOT_PLAIN && room > 3 + (record as PublishStep).placed!.length) {
      const data = jsonText((record as PublishStep).event.data);
      if (data !== undefined) {
        this.rows.push(Row.Publish);
        this.publishes.add(record as PublishStep, shape, data, this.names);
        return;
      }
    }
    const text = jsonText(record);
    if (text !== undefined) {
      this.rows.push(Row.Json);
      this.json.push(text);
    } else {
      this.rows.push(Row.Object);
      this.objects.push(record);
    }
  }

  encode(): EncodedSteps {
    return {
      version: STEP_CODEC_VERSION,
      count: this.count,
      rows: this.rows.copy(),
      names: this.names.names.slice(),
      ...this.delivers.copy(),
      publishes: this.publishes.copy(),
      json: this.json.slice(),
      objects: this.objects.slice(),
    };
  }
}

/** Encodes a whole list of steps, the first of which is `firstStep`. */
export function encodeSteps(firstStep: number, records: readonly StepRecord[]): EncodedSteps {
  const encoder = new StepEncoder(firstStep, Math.max(1, records.length));
  for (const record of records) encoder.add(record);
  return encoder.encode();
}

/** Reads the publish rows back in order; each call makes the next one's record. */
function publishReader(names: readonly string[], p: EncodedPublishes | undefined): (step: number) => PublishStep {
  const nextEvent = p && eventReader(names, p);
  let i = 0;
  let placement = 0;
  return (step) => {
    if (!p || !nextEvent) throw new Error('stored steps have a publish row but no publish columns');
    const event = nextEvent();
    const topics: string[] = [];
    const placed: { topic: string; partition: number; offset: number }[] = [];
    for (let n = p.placedCount[i]!; n > 0; n--, placement++) {
      const topic = names[p.placedTopic[placement]!]!;
      topics.push(topic);
      placed.push({ topic, partition: p.placedPartition[placement]!, offset: p.placedOffset[placement]! });
    }
    const record: PublishStep = {
      kind: 'publish',
      step,
      time: p.time[i]!,
      node: names[p.node[i]!]!,
      event,
      topics,
      placed,
    };
    i++;
    return record;
  };
}

/** The records back, each with the JSON text of the one encoded. */
export function decodeSteps(firstStep: number, encoded: EncodedSteps): StepRecord[] {
  if (!READABLE_VERSIONS.includes(encoded.version))
    throw new Error(
      `stored steps have encoding version ${String(encoded.version)}, which this version of Tidemark cannot read`,
    );
  const out = new Array<StepRecord>(encoded.count);
  const nextPublish = publishReader(encoded.names, encoded.publishes);
  let d = 0;
  let j = 0;
  let o = 0;
  for (let i = 0; i < encoded.count; i++) {
    const row = encoded.rows[i];
    if (row === Row.Deliver) {
      out[i] = {
        kind: 'deliver',
        step: firstStep + i,
        time: encoded.time[d]!,
        node: encoded.names[encoded.node[d]!]!,
        topic: encoded.names[encoded.topic[d]!]!,
        partition: encoded.partition[d]!,
        offset: encoded.offset[d]!,
        eventId: encoded.eventIds[d]!,
        eventType: encoded.names[encoded.eventType[d]!]!,
        outcome: encoded.failed[d] === 1 ? 'failed' : 'handled',
      };
      d++;
    } else if (row === Row.Publish) {
      out[i] = nextPublish(firstStep + i);
    } else if (row === Row.Json) {
      out[i] = JSON.parse(encoded.json[j++]!) as StepRecord;
    } else {
      out[i] = encoded.objects[o++]!;
    }
  }
  return out;
}
