import { type AmqpError, ReplyCode, resourceName } from './amqpError';
import { isValidXMatch } from '../../../flow/xMatch';
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

/** What RabbitMQ answers to exchange.declare of this exchange, or undefined when it is accepted. */
export function validateExchange(exchange: Exchange): AmqpError | undefined {
  if (exchange.name === DEFAULT_EXCHANGE) {
    return { code: ReplyCode.AccessRefused, text: 'ACCESS_REFUSED - operation not permitted on the default exchange' };
  }
  if (exchange.name.startsWith('amq.')) {
    return { code: ReplyCode.AccessRefused, text: `ACCESS_REFUSED - exchange name '${exchange.name}' contains reserved prefix 'amq.*'` };
  }
  return undefined;
}

/** What RabbitMQ answers to queue.bind / exchange.bind of this binding, or undefined when it is accepted. */
export function validateBinding(topology: Topology, binding: Binding): AmqpError | undefined {
  const toExchange = binding.destinationType === DestinationType.Exchange;
  if (binding.source === DEFAULT_EXCHANGE || (toExchange && binding.destination === DEFAULT_EXCHANGE)) {
    return { code: ReplyCode.AccessRefused, text: 'ACCESS_REFUSED - operation not permitted on the default exchange' };
  }
  const source = findExchange(topology, binding.source);
  if (!source) return { code: ReplyCode.NotFound, text: `NOT_FOUND - no ${resourceName('exchange', binding.source)}` };
  const destinationExists = toExchange ? findExchange(topology, binding.destination) !== undefined : hasQueue(topology, binding.destination);
  if (!destinationExists) {
    return { code: ReplyCode.NotFound, text: `NOT_FOUND - no ${resourceName(toExchange ? 'exchange' : 'queue', binding.destination)}` };
  }
  const xMatch = binding.arguments['x-match'];
  if (source.type === ExchangeType.Headers && !isValidXMatch(xMatch)) {
    return {
      code: ReplyCode.PreconditionFailed,
      text: `PRECONDITION_FAILED - Invalid x-match field value ${JSON.stringify(xMatch)}; expected all, any, all-with-x, or any-with-x`,
    };
  }
  return undefined;
}
