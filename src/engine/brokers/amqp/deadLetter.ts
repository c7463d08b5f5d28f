import { type Death, DeathReason, type HeaderValue, type Message, toMessage } from './message';
import type { QueueConfig, Removal } from './queue';
import { type RouteResult, route } from './route';
import type { Topology } from './topology';

export interface DeathEvent {
  /** The queue the message died in. */
  readonly queue: string;
  readonly reason: DeathReason;
  readonly now: number;
  /** x-dead-letter-exchange of that queue. */
  readonly deadLetterExchange: string;
  /** x-dead-letter-routing-key of that queue, if set. */
  readonly deadLetterRoutingKey?: string;
}

/** mc:record_death: a (queue, reason) seen before counts up and moves to the front, keeping its first time, exchange and keys. */
function recordDeath(message: Message, event: DeathEvent): Death[] {
  const earlier = message.deaths ?? [];
  const previous = earlier.find((d) => d.queue === event.queue && d.reason === event.reason);
  const others = earlier.filter((d) => d !== previous);
  const death: Death = previous
    ? { ...previous, count: previous.count + 1, lastTime: event.now }
    : {
        queue: event.queue,
        reason: event.reason,
        count: 1,
        exchange: message.exchange,
        routingKeys: [message.routingKey],
        time: event.now,
        lastTime: event.now,
        ...(message.expiration !== undefined ? { originalExpiration: String(message.expiration) } : {}),
      };
  return [death, ...others];
}

/** The x-death header a consumer sees: one table per (queue, reason), most recent first. */
function xDeathHeader(deaths: readonly Death[]): HeaderValue[] {
  return deaths.map((d) => ({
    count: d.count,
    reason: d.reason,
    queue: d.queue,
    time: d.time,
    exchange: d.exchange,
    'routing-keys': [...d.routingKeys],
    ...(d.originalExpiration !== undefined ? { 'original-expiration': d.originalExpiration } : {}),
  }));
}

/**
 * The message a queue republishes to its dead letter exchange (rabbit_dead_letter:publish): routed
 * with the queue's dead-letter routing key or its own, its expiration removed so it cannot expire
 * again, its death recorded, and the x-death, x-first-death-* (set once) and x-last-death-*
 * headers written.
 */
export function deadLetterMessage(message: Message, event: DeathEvent): Message {
  const deaths = recordDeath(message, event);
  const first = message.deaths === undefined || message.deaths.length === 0;
  const { expiration: _dropped, ...rest } = toMessage(message);
  return {
    ...rest,
    exchange: event.deadLetterExchange,
    routingKey: event.deadLetterRoutingKey ?? message.routingKey,
    deaths,
    headers: {
      ...message.headers,
      'x-death': xDeathHeader(deaths),
      ...(first
        ? {
            'x-first-death-reason': event.reason,
            'x-first-death-queue': event.queue,
            'x-first-death-exchange': message.exchange,
          }
        : {}),
      'x-last-death-reason': event.reason,
      'x-last-death-queue': event.queue,
      'x-last-death-exchange': message.exchange,
    },
  };
}

/**
 * Whether delivering this dead-lettered message to `targetQueue` closes a cycle without any
 * rejection in it (mc:is_death_cycle): the target queue is in its death history and neither that
 * death nor any more recent one has reason `rejected`.
 */
export function isDeathCycle(targetQueue: string, message: Message): boolean {
  const deaths = message.deaths ?? [];
  const at = deaths.findIndex((d) => d.queue === targetQueue);
  return at >= 0 && deaths.slice(0, at + 1).every((d) => d.reason !== DeathReason.Rejected);
}

/** rabbit_dead_letter:detect_cycles: the queues that would close an automatic cycle are dropped; a rejection never cycles. */
export function detectCycles(
  reason: DeathReason,
  message: Message,
  queues: readonly string[],
): { deliverTo: string[]; cycles: string[] } {
  if (reason === DeathReason.Rejected) return { deliverTo: [...queues], cycles: [] };
  return {
    deliverTo: queues.filter((q) => !isDeathCycle(q, message)),
    cycles: queues.filter((q) => isDeathCycle(q, message)),
  };
}

export interface DeadLetterRoute {
  /** What the dead letter exchange receives. */
  readonly message: Message;
  readonly route: RouteResult;
  /** Queues to enqueue it in. */
  readonly deliverTo: string[];
  /** Queues left out because the message would cycle back without a rejection (RabbitMQ logs and drops). */
  readonly cycles: string[];
}

/**
 * What happens to a removal from `queue`: undefined when the queue has no dead letter exchange
 * (the message is dropped); otherwise its dead-lettered copy, routed from the dead letter exchange
 * (never mandatory: if nothing takes it, it is gone), minus the queues that would cycle.
 */
export function routeDeadLetter(
  topology: Topology,
  queue: string,
  removed: Removal,
  config: QueueConfig,
  now: number,
): DeadLetterRoute | undefined {
  if (config.deadLetterExchange === undefined) return undefined;
  const event: DeathEvent = {
    queue,
    reason: removed.reason,
    now,
    deadLetterExchange: config.deadLetterExchange,
    ...(config.deadLetterRoutingKey !== undefined ? { deadLetterRoutingKey: config.deadLetterRoutingKey } : {}),
  };
  const message = deadLetterMessage(removed.message, event);
  const result = route(topology, message.exchange, message);
  return { message, route: result, ...detectCycles(removed.reason, message, result.queues) };
}
