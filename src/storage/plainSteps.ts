import type { CloudEvent, DeliverStep, PublishStep, StepRecord } from '../engine';

// The steps the codec keeps in columns: exactly the keys, in exactly the order, the engine writes
// for a plain deliver or a plain Kafka publish. Anything else is kept as JSON text, so a decoded
// step always has the JSON text of the one encoded.

/** The keys of a deliver step with nothing optional set. */
const DELIVER_KEYS = [
  'kind',
  'step',
  'time',
  'node',
  'topic',
  'partition',
  'offset',
  'eventId',
  'eventType',
  'outcome',
] as const;
/** The keys of a publish step to topics only, not made by hand. */
const PUBLISH_KEYS = ['kind', 'step', 'time', 'node', 'event', 'topics', 'placed'] as const;
/** An event's keys up to the optional ones; `sequence` ends it. */
const EVENT_HEAD = ['specversion', 'id', 'source', 'type', 'time', 'datacontenttype', 'data', 'correlationid'] as const;
const PLACED_KEYS = ['topic', 'partition', 'offset'] as const;

/** Which optional parts a plain publish's event has. */
export const EventShape = { Key: 1, SchemaVersion: 2, OwnCorrelation: 4 } as const;
/** Not a plain publish. */
export const NOT_PLAIN = -1;

const isInt32 = (value: unknown): value is number => typeof value === 'number' && (value | 0) === value;

/** True when the object's own keys are exactly `keys`, in that order. */
export function hasKeys(object: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const key in object) if (key !== keys[i++]) return false;
  return i === keys.length;
}

export function isPlainDeliver(record: StepRecord, step: number): record is DeliverStep {
  return (
    record.kind === 'deliver' && record.step === step && isInt32(record.partition) && hasKeys(record, DELIVER_KEYS)
  );
}

/** The EventShape bits of a plain publish step's event, or NOT_PLAIN. */
export function plainPublishShape(record: StepRecord, step: number): number {
  if (
    record.kind !== 'publish' ||
    record.step !== step ||
    typeof record.time !== 'number' ||
    !hasKeys(record, PUBLISH_KEYS)
  )
    return NOT_PLAIN;
  if (!placedMatchesTopics(record)) return NOT_PLAIN;
  return plainEventShape(record.event);
}

function placedMatchesTopics(record: PublishStep): boolean {
  const { topics, placed } = record;
  if (!Array.isArray(topics) || !Array.isArray(placed) || placed.length !== topics.length || placed.length > 0xffff)
    return false;
  for (let i = 0; i < placed.length; i++) {
    const at = placed[i] as { readonly topic: unknown; readonly partition: unknown; readonly offset: unknown }; // read back from storage: checked below
    if (
      typeof topics[i] !== 'string' ||
      at.topic !== topics[i] ||
      !isInt32(at.partition) ||
      typeof at.offset !== 'number' ||
      !hasKeys(at, PLACED_KEYS)
    )
      return false;
  }
  return true;
}

/** The EventShape bits of a plain event, or NOT_PLAIN. */
export function plainEventShape(event: CloudEvent): number {
  if (event.specversion !== '1.0' || event.datacontenttype !== 'application/json') return NOT_PLAIN;
  if (
    typeof event.id !== 'string' ||
    typeof event.source !== 'string' ||
    typeof event.type !== 'string' ||
    typeof event.time !== 'string'
  )
    return NOT_PLAIN;
  if (typeof event.correlationid !== 'string' || typeof event.sequence !== 'number') return NOT_PLAIN;
  let i = 0;
  let shape = 0;
  let ended = false;
  for (const key in event) {
    if (ended) return NOT_PLAIN;
    if (i < EVENT_HEAD.length) {
      if (key !== EVENT_HEAD[i++]) return NOT_PLAIN;
    } else if (key === 'partitionkey' && shape === 0 && typeof event.partitionkey === 'string') {
      shape |= EventShape.Key;
    } else if (
      key === 'schemaversion' &&
      (shape & EventShape.SchemaVersion) === 0 &&
      typeof event.schemaversion === 'number'
    ) {
      shape |= EventShape.SchemaVersion;
    } else if (key === 'sequence') {
      ended = true;
    } else {
      return NOT_PLAIN;
    }
  }
  if (!ended) return NOT_PLAIN;
  return event.correlationid === event.id ? shape : shape | EventShape.OwnCorrelation;
}
