/** Who and what an event came from: the links the inspector draws between events. */
interface EventMetadata {
  /** Unique in the store. */
  readonly eventId: string;
  /** The conversation the event belongs to: every event a first message led to shares its id. */
  readonly correlationId: string;
  /** The event or command that directly caused this one; null when nothing recorded did. */
  readonly causationId: string | null;
  /** Virtual ms of the append. */
  readonly time: number;
}

/** An event as the store keeps it. Stored events are facts: frozen, never changed. */
export interface StoredEvent<Data = unknown> {
  readonly streamId: string;
  /** 1-based position within its stream: the stream's version once this event is in. */
  readonly version: number;
  /** 0-based position in the store's global log. */
  readonly globalPosition: number;
  readonly type: string;
  /** Version of the event type's schema the data was written with. */
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** What a decider emits: the fact, without the store's bookkeeping. */
export interface DomainEvent {
  readonly type: string;
  readonly data: unknown;
  /** 1 when absent. */
  readonly schemaVersion?: number;
}

/** Metadata a writer may set; the store fills in what is left out (see `append`). */
interface MetadataInput {
  readonly eventId?: string;
  readonly correlationId?: string;
  readonly causationId?: string | null;
}

/** What `append` takes. */
export interface EventToAppend extends DomainEvent {
  readonly metadata?: MetadataInput;
}
