/** A CloudEvents 1.0 envelope with Tidemark's extensions (correlationid, causationid, partitionkey, schemaversion, sequence). */
export interface CloudEvent<T = unknown> {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly time: string;
  readonly subject?: string;
  readonly datacontenttype: 'application/json';
  readonly dataschema?: string;
  readonly data: T;
  readonly correlationid: string;
  readonly causationid?: string;
  readonly partitionkey?: string;
  /** Extension: the version of the event type's schema the data was written with (set when the type has schemas). */
  readonly schemaversion?: number;
  /** Position of the event in its producer's sequence, from 1. */
  readonly sequence: number;
}
