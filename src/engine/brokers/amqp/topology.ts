import type { Headers } from './message';

export const ExchangeType = { Direct: 'direct', Fanout: 'fanout', Topic: 'topic', Headers: 'headers' } as const;
export type ExchangeType = (typeof ExchangeType)[keyof typeof ExchangeType];

/** The nameless direct exchange every queue is implicitly bound to by its own name. */
export const DEFAULT_EXCHANGE = '';

export interface Exchange {
  readonly name: string;
  readonly type: ExchangeType;
  /** Where a message goes when this exchange's own bindings match nothing. */
  readonly alternateExchange?: string;
  /** Internal exchanges take messages only from other exchanges, never from a publisher. */
  readonly internal?: boolean;
}

export const DestinationType = { Queue: 'queue', Exchange: 'exchange' } as const;
export type DestinationType = (typeof DestinationType)[keyof typeof DestinationType];

export interface Binding {
  readonly source: string;
  readonly destination: string;
  readonly destinationType: DestinationType;
  /** The binding key: compared by direct exchanges, a pattern for topic ones, ignored by fanout and headers. */
  readonly routingKey: string;
  /** Headers exchanges match on these (with `x-match`); others ignore them. */
  readonly arguments: Headers;
}

/** Exchanges, queues and bindings as declared; the default exchange is implicit. */
export interface Topology {
  readonly exchanges: readonly Exchange[];
  readonly queues: readonly string[];
  readonly bindings: readonly Binding[];
}

const defaultExchange: Exchange = { name: DEFAULT_EXCHANGE, type: ExchangeType.Direct };

/** The exchange by name; '' is the default exchange even when not declared. */
export function findExchange(topology: Topology, name: string): Exchange | undefined {
  if (name === DEFAULT_EXCHANGE) return defaultExchange;
  return topology.exchanges.find((exchange) => exchange.name === name);
}

export function hasQueue(topology: Topology, name: string): boolean {
  return topology.queues.includes(name);
}
