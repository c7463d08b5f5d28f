import { type AmqpError, ReplyCode, resourceName } from './amqpError';
import type { Message } from './message';
import { type RouteResult, route } from './route';
import { type Topology, findExchange } from './topology';

/** What became of one basic.publish; the caller shows it and enqueues into `route.queues`. */
export type PublishOutcome =
  /** At least one queue takes a copy. */
  | { readonly kind: 'routed'; readonly route: RouteResult }
  /** Mandatory and unroutable: basic.return hands the message back to its publisher. */
  | {
      readonly kind: 'returned';
      readonly route: RouteResult;
      readonly replyCode: typeof ReplyCode.NoRoute;
      readonly replyText: 'NO_ROUTE';
    }
  /** Unroutable and not mandatory: the broker drops it without telling anyone. */
  | { readonly kind: 'dropped'; readonly route: RouteResult }
  /** The broker refuses the publish and closes the channel. */
  | { readonly kind: 'refused'; readonly error: AmqpError };

export interface PublishOptions {
  /** basic.publish's mandatory flag. */
  readonly mandatory?: boolean;
}

/** basic.publish to `message.exchange`: checks what RabbitMQ checks, routes, and applies the mandatory flag. */
export function publish(topology: Topology, message: Message, options: PublishOptions = {}): PublishOutcome {
  const exchange = findExchange(topology, message.exchange);
  if (!exchange)
    return {
      kind: 'refused',
      error: { code: ReplyCode.NotFound, text: `NOT_FOUND - no ${resourceName('exchange', message.exchange)}` },
    };
  if (exchange.internal === true) {
    return {
      kind: 'refused',
      error: {
        code: ReplyCode.AccessRefused,
        text: `ACCESS_REFUSED - cannot publish to internal ${resourceName('exchange', exchange.name)}`,
      },
    };
  }
  if (message.expiration !== undefined && !(Number.isInteger(message.expiration) && message.expiration >= 0)) {
    return {
      kind: 'refused',
      error: {
        code: ReplyCode.PreconditionFailed,
        text: `PRECONDITION_FAILED - invalid expiration '${message.expiration}'`,
      },
    };
  }
  const result = route(topology, exchange.name, message);
  if (!result.unroutable) return { kind: 'routed', route: result };
  if (options.mandatory === true)
    return { kind: 'returned', route: result, replyCode: ReplyCode.NoRoute, replyText: 'NO_ROUTE' };
  return { kind: 'dropped', route: result };
}
