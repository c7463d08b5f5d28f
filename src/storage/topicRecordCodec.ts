import type { KafkaRecord, CloudEvent } from '../engine';
import { float64, MAX_NAMES, NameTable, uint8 } from './columns';
import { EventColumns, eventReader, type EncodedEvents } from './eventColumns';
import { hasKeys, NOT_PLAIN, plainEventShape } from './plainSteps';

// A snapshot holds every retained topic record, and a record object with its event costs
// IndexedDB ~2.4 µs to clone: in a Kafka run that was more than the step log itself. A record as
// the topic node appends it is kept in columns instead; any other (headers, a tombstone, data JSON
// cannot hold exactly) is kept as it is. Unlike the step log this must restore state exactly, not
// just its JSON text, so an event goes into columns only when its data survives JSON unchanged.

/** The encoded form's version. DO NOT CHANGE THE LAYOUT WITHOUT A NEW VERSION AND A DECODER FOR THE OLD ONE. */
const TOPIC_RECORD_CODEC_VERSION = 1;

const Row = { Plain: 0, Object: 1 } as const;
const RECORD_KEYS = ['offset', 'key', 'value', 'timestamp', 'eventId'] as const;
/** Deeper data is left to IndexedDB's own cloning (which also copes with cycles). */
const MAX_DEPTH = 32;

export interface EncodedTopicRecords {
  readonly version: typeof TOPIC_RECORD_CODEC_VERSION;
  readonly count: number;
  /** A Row per record. */
  readonly rows: Uint8Array;
  /** Event sources and types, by index. */
  readonly names: readonly string[];
  /** Plain rows' columns, one entry per plain row in order. */
  readonly offset: Float64Array;
  readonly timestamp: Float64Array;
  readonly keys: readonly (string | null)[];
  readonly events: EncodedEvents;
  /** The other rows' records, as they are. */
  readonly objects: readonly KafkaRecord[];
}

/** True when JSON.parse(JSON.stringify(value)) is a value equal to it in every way a handler could see. */
function survivesJson(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (depth >= MAX_DEPTH) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !survivesJson(value[i], depth + 1)) return false;
        return true;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false;
      for (const key in value) if (!survivesJson((value as Record<string, unknown>)[key], depth + 1)) return false;
      return true;
    }
    default:
      return false;
  }
}

/** The plainEventShape of a record the topic node appended, or NOT_PLAIN. */
function plainRecordShape(record: KafkaRecord): number {
  if (!hasKeys(record, RECORD_KEYS) || typeof record.offset !== 'number' || typeof record.timestamp !== 'number')
    return NOT_PLAIN;
  if (record.key !== null && typeof record.key !== 'string') return NOT_PLAIN;
  const event = record.value as CloudEvent | null;
  if (event === null || typeof event !== 'object' || event.id !== record.eventId) return NOT_PLAIN;
  const shape = plainEventShape(event);
  return shape !== NOT_PLAIN && survivesJson(event.data, 0) ? shape : NOT_PLAIN;
}

export function encodeTopicRecords(records: readonly KafkaRecord[]): EncodedTopicRecords {
  const count = records.length;
  const rows = uint8(count);
  const names = new NameTable();
  const offset = float64(count);
  const timestamp = float64(count);
  const keys: (string | null)[] = [];
  const events = new EventColumns(count);
  const objects: KafkaRecord[] = [];
  for (const record of records) {
    // An event interns 2 names: room is checked first.
    const shape = names.size + 2 <= MAX_NAMES ? plainRecordShape(record) : NOT_PLAIN;
    if (shape === NOT_PLAIN) {
      rows.push(Row.Object);
      objects.push(record);
      continue;
    }
    rows.push(Row.Plain);
    offset.push(record.offset);
    timestamp.push(record.timestamp);
    keys.push(record.key);
    const event = record.value as CloudEvent;
    events.add(event, shape, JSON.stringify(event.data), names);
  }
  return {
    version: TOPIC_RECORD_CODEC_VERSION,
    count,
    rows: rows.copy(),
    names: names.names,
    offset: offset.copy(),
    timestamp: timestamp.copy(),
    keys,
    events: events.copy(),
    objects,
  };
}

/** The records back, each equal to the one encoded. */
export function decodeTopicRecords(encoded: EncodedTopicRecords): KafkaRecord[] {
  if (encoded.version !== TOPIC_RECORD_CODEC_VERSION)
    throw new Error(
      `stored topic records have encoding version ${String(encoded.version)}, which this version of Tidemark cannot read`,
    );
  const nextEvent = eventReader(encoded.names, encoded.events);
  const out = new Array<KafkaRecord>(encoded.count);
  let p = 0;
  let o = 0;
  for (let i = 0; i < encoded.count; i++) {
    if (encoded.rows[i] === Row.Plain) {
      const value = nextEvent();
      // The topic node's literal, key for key, so a restored run is the one stored.
      out[i] = {
        offset: encoded.offset[p]!,
        key: encoded.keys[p] ?? null,
        value,
        timestamp: encoded.timestamp[p]!,
        eventId: value.id,
      };
      p++;
    } else {
      out[i] = encoded.objects[o++]!;
    }
  }
  return out;
}
