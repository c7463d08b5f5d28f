import type { CloudEvent } from '../engine';
import { float64, uint16, uint8, type NameTable } from './columns';
import { EventShape } from './plainSteps';

// A plain event (see plainSteps) in columns: what a publish step and a topic record both carry.

/** Plain events' columns, one entry per event in order (keys, versions and correlations only where its shape says). */
export interface EncodedEvents {
  readonly source: Uint16Array;
  readonly type: Uint16Array;
  /** EventShape bits. */
  readonly shape: Uint8Array;
  readonly sequence: Float64Array;
  readonly ids: readonly string[];
  readonly times: readonly string[];
  /** The event data's JSON text. */
  readonly data: readonly string[];
  /** Only for events with a partition key, a schema version, or a correlation id of their own. */
  readonly keys: readonly string[];
  readonly schemaVersions: Float64Array;
  readonly correlations: readonly string[];
}

export class EventColumns {
  private readonly source;
  private readonly type;
  private readonly shape;
  private readonly sequence;
  private readonly ids: string[] = [];
  private readonly times: string[] = [];
  private readonly data: string[] = [];
  private readonly keys: string[] = [];
  private readonly schemaVersions = float64(0);
  private readonly correlations: string[] = [];

  constructor(capacity: number) {
    this.source = uint16(capacity);
    this.type = uint16(capacity);
    this.shape = uint8(capacity);
    this.sequence = float64(capacity);
  }

  /** `shape` is the event's plainEventShape, `data` its data's JSON text. */
  add(event: CloudEvent, shape: number, data: string, names: NameTable): void {
    this.source.push(names.of(event.source));
    this.type.push(names.of(event.type));
    this.shape.push(shape);
    this.sequence.push(event.sequence);
    this.ids.push(event.id);
    this.times.push(event.time);
    this.data.push(data);
    if (shape & EventShape.Key) this.keys.push(event.partitionkey!);
    if (shape & EventShape.SchemaVersion) this.schemaVersions.push(event.schemaversion!);
    if (shape & EventShape.OwnCorrelation) this.correlations.push(event.correlationid);
  }

  copy(): EncodedEvents {
    return {
      source: this.source.copy(),
      type: this.type.copy(),
      shape: this.shape.copy(),
      sequence: this.sequence.copy(),
      ids: this.ids.slice(),
      times: this.times.slice(),
      data: this.data.slice(),
      keys: this.keys.slice(),
      schemaVersions: this.schemaVersions.copy(),
      correlations: this.correlations.slice(),
    };
  }
}

/** Reads the events back in order; each call makes the next one. */
export function eventReader(names: readonly string[], e: EncodedEvents): () => CloudEvent {
  let i = 0;
  let key = 0;
  let version = 0;
  let correlation = 0;
  return () => {
    const shape = e.shape[i]!;
    const id = e.ids[i]!;
    // Keys in the order the engine writes them, so the JSON text is the original's.
    const event: Record<string, unknown> = {
      specversion: '1.0',
      id,
      source: names[e.source[i]!],
      type: names[e.type[i]!],
      time: e.times[i],
      datacontenttype: 'application/json',
      data: JSON.parse(e.data[i]!),
      correlationid: shape & EventShape.OwnCorrelation ? e.correlations[correlation++] : id,
    };
    if (shape & EventShape.Key) event.partitionkey = e.keys[key++];
    if (shape & EventShape.SchemaVersion) event.schemaversion = e.schemaVersions[version++];
    event.sequence = e.sequence[i++];
    return event as unknown as CloudEvent;
  };
}
