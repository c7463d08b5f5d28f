import type { DeliverStep, StepRecord } from '../engine/stepRecord';

// Steps are encoded as they are recorded, so the records die young and a stored segment is a few
// typed arrays and string lists: IndexedDB copies those at memory speed, where a thousand record
// objects cost it ~2.5 ms to clone. Plain deliver steps (most of a Kafka run) go into columns;
// every other step is kept as its JSON text, which is how the log is exported anyway. The contract:
// a decoded record has the JSON text of the one encoded.

/** The encoded form's version. DO NOT CHANGE THE LAYOUT WITHOUT A NEW VERSION AND A DECODER FOR THE OLD ONE. */
export const STEP_CODEC_VERSION = 1;

/** How one step is kept. */
const Row = { Deliver: 0, Json: 1, Object: 2 } as const;

export interface EncodedSteps {
  readonly version: typeof STEP_CODEC_VERSION;
  readonly count: number;
  /** A Row per step. */
  readonly rows: Uint8Array;
  /** Node ids, topics and event types of the deliver columns, by index. */
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
  /** JSON rows' text, in step order. */
  readonly json: readonly string[];
  /** Steps JSON cannot hold exactly (kept as they are; IndexedDB clones them). */
  readonly objects: readonly StepRecord[];
}

/** The keys of a deliver step with nothing optional set, in the order the engine writes them. */
const PLAIN_DELIVER_KEYS = ['kind', 'step', 'time', 'node', 'topic', 'partition', 'offset', 'eventId', 'eventType', 'outcome'] as const;
const MAX_NAMES = 0xffff;

function isPlainDeliver(record: StepRecord, step: number): record is DeliverStep {
  if (record.kind !== 'deliver' || record.step !== step || typeof record.partition !== 'number' || (record.partition | 0) !== record.partition) return false;
  let i = 0;
  // Same keys in the same order, so the decoded record's JSON text is the original's.
  for (const key in record) if (key !== PLAIN_DELIVER_KEYS[i++]) return false;
  return i === PLAIN_DELIVER_KEYS.length;
}

/** The record's JSON text, or undefined when JSON cannot hold it (a cycle, a BigInt). */
function jsonText(record: StepRecord): string | undefined {
  try {
    return JSON.stringify(record);
  } catch {
    return undefined;
  }
}

/** Encodes the steps of one segment as they are recorded; `encode()` hands out a copy of what it holds so far. */
export class StepEncoder {
  private rows: Uint8Array;
  private node: Uint16Array;
  private topic: Uint16Array;
  private eventType: Uint16Array;
  private time: Float64Array;
  private partition: Int32Array;
  private offset: Float64Array;
  private failed: Uint8Array;
  private readonly eventIds: string[] = [];
  private readonly json: string[] = [];
  private readonly objects: StepRecord[] = [];
  private readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  private delivers = 0;
  count = 0;

  constructor(
    readonly firstStep: number,
    capacity: number,
  ) {
    this.rows = new Uint8Array(capacity);
    this.node = new Uint16Array(capacity);
    this.topic = new Uint16Array(capacity);
    this.eventType = new Uint16Array(capacity);
    this.time = new Float64Array(capacity);
    this.partition = new Int32Array(capacity);
    this.offset = new Float64Array(capacity);
    this.failed = new Uint8Array(capacity);
  }

  add(record: StepRecord): void {
    if (this.count === this.rows.length) this.grow();
    const at = this.count++;
    if (isPlainDeliver(record, this.firstStep + at) && this.names.length < MAX_NAMES - 3) {
      const d = this.delivers++;
      this.rows[at] = Row.Deliver;
      this.node[d] = this.name(record.node);
      this.topic[d] = this.name(record.topic);
      this.eventType[d] = this.name(record.eventType);
      this.time[d] = record.time;
      this.partition[d] = record.partition!;
      this.offset[d] = record.offset;
      this.failed[d] = record.outcome === 'failed' ? 1 : 0;
      this.eventIds.push(record.eventId);
      return;
    }
    const text = jsonText(record);
    if (text !== undefined) {
      this.rows[at] = Row.Json;
      this.json.push(text);
    } else {
      this.rows[at] = Row.Object;
      this.objects.push(record);
    }
  }

  encode(): EncodedSteps {
    const n = this.delivers;
    return {
      version: STEP_CODEC_VERSION,
      count: this.count,
      rows: this.rows.slice(0, this.count),
      names: this.names.slice(),
      node: this.node.slice(0, n),
      topic: this.topic.slice(0, n),
      eventType: this.eventType.slice(0, n),
      time: this.time.slice(0, n),
      partition: this.partition.slice(0, n),
      offset: this.offset.slice(0, n),
      failed: this.failed.slice(0, n),
      eventIds: this.eventIds.slice(),
      json: this.json.slice(),
      objects: this.objects.slice(),
    };
  }

  private name(value: string): number {
    let index = this.nameIndex.get(value);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(value);
      this.nameIndex.set(value, index);
    }
    return index;
  }

  private grow(): void {
    const size = Math.max(16, this.rows.length * 2);
    const widen = <T extends Uint8Array | Uint16Array | Int32Array | Float64Array>(from: T, make: (n: number) => T): T => {
      const to = make(size);
      to.set(from);
      return to;
    };
    this.rows = widen(this.rows, (n) => new Uint8Array(n));
    this.node = widen(this.node, (n) => new Uint16Array(n));
    this.topic = widen(this.topic, (n) => new Uint16Array(n));
    this.eventType = widen(this.eventType, (n) => new Uint16Array(n));
    this.time = widen(this.time, (n) => new Float64Array(n));
    this.partition = widen(this.partition, (n) => new Int32Array(n));
    this.offset = widen(this.offset, (n) => new Float64Array(n));
    this.failed = widen(this.failed, (n) => new Uint8Array(n));
  }
}

/** Encodes a whole list of steps, the first of which is `firstStep`. */
export function encodeSteps(firstStep: number, records: readonly StepRecord[]): EncodedSteps {
  const encoder = new StepEncoder(firstStep, Math.max(1, records.length));
  for (const record of records) encoder.add(record);
  return encoder.encode();
}

/** The records back, each with the JSON text of the one encoded. */
export function decodeSteps(firstStep: number, encoded: EncodedSteps): StepRecord[] {
  if (encoded.version !== STEP_CODEC_VERSION) throw new Error(`stored steps have encoding version ${String(encoded.version)}, which this version of Tidemark cannot read`);
  const out: StepRecord[] = new Array(encoded.count);
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
    } else if (row === Row.Json) {
      out[i] = JSON.parse(encoded.json[j++]!) as StepRecord;
    } else {
      out[i] = encoded.objects[o++]!;
    }
  }
  return out;
}
