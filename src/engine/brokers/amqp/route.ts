import { matchHeaders } from './headersMatch';
import type { Headers } from './message';
import { matchTopic } from './topicPattern';
import {
  type Binding,
  DEFAULT_EXCHANGE,
  DestinationType,
  type Exchange,
  ExchangeType,
  type Topology,
  findExchange,
  hasQueue,
} from './topology';

export interface RouteResult {
  /** Queues that get a copy, each once, in the order routing reached them. */
  readonly queues: string[];
  /** Exchanges visited, in order, for the log. */
  readonly path: string[];
  /** True when an alternate exchange took part. */
  readonly viaAlternate: boolean;
  /** True when no queue got the message. */
  readonly unroutable: boolean;
}

function bindingMatches(exchange: Exchange, binding: Binding, routingKey: string, headers: Headers): boolean {
  switch (exchange.type) {
    case ExchangeType.Direct:
      return binding.routingKey === routingKey;
    case ExchangeType.Fanout:
      return true;
    case ExchangeType.Topic:
      return matchTopic(binding.routingKey, routingKey);
    case ExchangeType.Headers:
      return matchHeaders(binding.arguments, headers);
  }
}

type Destination = { readonly type: DestinationType; readonly name: string };

/** This exchange's own matches; a binding whose destination is gone counts for nothing. */
function destinations(topology: Topology, exchange: Exchange, routingKey: string, headers: Headers): Destination[] {
  // The default exchange routes by queue name and cannot be bound, so its bindings are not consulted.
  if (exchange.name === DEFAULT_EXCHANGE)
    return hasQueue(topology, routingKey) ? [{ type: DestinationType.Queue, name: routingKey }] : [];
  const found: Destination[] = [];
  for (const binding of topology.bindings) {
    if (binding.source !== exchange.name || !bindingMatches(exchange, binding, routingKey, headers)) continue;
    const exists =
      binding.destinationType === DestinationType.Queue
        ? hasQueue(topology, binding.destination)
        : findExchange(topology, binding.destination) !== undefined;
    if (exists) found.push({ type: binding.destinationType, name: binding.destination });
  }
  return found;
}

/**
 * Routes a message as rabbit_exchange:route does: each exchange reached (through exchange-to-exchange
 * bindings) is visited once, so cycles end; an exchange whose own bindings match nothing hands the
 * message to its alternate exchange, if that exchange exists. A missing exchange routes nowhere.
 */
export function route(
  topology: Topology,
  exchangeName: string,
  message: { readonly routingKey: string; readonly headers: Headers },
): RouteResult {
  const queues: string[] = [];
  const path: string[] = [];
  let viaAlternate = false;
  const start = findExchange(topology, exchangeName);
  const seen = new Set<string>([exchangeName]);
  const work: Exchange[] = start ? [start] : [];
  const reach = (name: string): boolean => {
    const next = seen.has(name) ? undefined : findExchange(topology, name);
    if (!next) return false;
    seen.add(name);
    work.push(next);
    return true;
  };
  for (let exchange = work.shift(); exchange; exchange = work.shift()) {
    path.push(exchange.name);
    const found = destinations(topology, exchange, message.routingKey, message.headers);
    if (found.length === 0 && exchange.alternateExchange !== undefined && reach(exchange.alternateExchange))
      viaAlternate = true;
    for (const destination of found) {
      if (destination.type === DestinationType.Exchange) reach(destination.name);
      else if (!queues.includes(destination.name)) queues.push(destination.name);
    }
  }
  return { queues, path, viaAlternate, unroutable: queues.length === 0 };
}
