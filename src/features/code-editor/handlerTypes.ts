import contextSource from '../../engine/code/handlerContextTypes.ts?raw';

/**
 * The engine's own declaration of `ctx` (src/engine/code/handlerContextTypes.ts), as ambient text:
 * the very file the engine compiles against, with its `export`s removed.
 */
export const CONTEXT_TYPES = contextSource.replace(/^export /gm, '');

/**
 * Ambient types every handler editor gets: the event envelope and `ctx` (`Context`, whose state
 * holds anything the code puts there). The types of each event's data are generated per node
 * from the flow's schemas (handlerDeclarations.ts).
 */
export const HANDLER_TYPES = `
/** The CloudEvents 1.0 envelope around every event's data. */
interface EventEnvelope {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly time: string;
  /** Events read from an event store: the stream (aggregate id) the event belongs to. */
  readonly subject?: string;
  readonly datacontenttype: 'application/json';
  readonly dataschema?: string;
  readonly correlationid: string;
  readonly causationid?: string;
  readonly partitionkey?: string;
  /** The schema version the data is read as: the newest (older data is upcast before the handler sees it). */
  readonly schemaversion?: number;
  /** Position of the event in its producer's sequence, from 1. */
  readonly sequence: number;
}

/** An event of one type: the envelope with its type and data. */
type EventOf<Type extends string, Data> = EventEnvelope & { readonly type: Type; readonly data: Data };

${CONTEXT_TYPES}
/** \`ctx\` in handler code. */
interface Context extends HandlerContext<Record<string, any>> {}
`;

/** Ambient types of an aggregate's decider code; the event unions are generated per node. */
export const AGGREGATE_TYPES = `
/** A command as decide receives it. */
interface Command {
  readonly id: string;
  readonly type: string;
  readonly aggregateId: string;
  readonly data: any;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** The command source, policy or "manual" that sent it. */
  readonly source: string;
}

/** decide's refusal of a command: nothing is appended and the reason is shown. */
interface Rejection {
  readonly rejected: string;
}

/** Who and what an event came from. */
interface EventMetadata {
  readonly eventId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** Virtual ms of the append. */
  readonly time: number;
}

/** An event as the store keeps it; evolve sees its data as the type's newest schema version. */
type StoredEventOf<Type extends string, Data> = {
  readonly streamId: string;
  /** 1-based position within its stream. */
  readonly version: number;
  /** 0-based position in the store's global log. */
  readonly globalPosition: number;
  readonly type: Type;
  /** The schema version the data was written with. */
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
};
`;
