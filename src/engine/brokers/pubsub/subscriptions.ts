import { type PubSubState, SubscriptionKind } from './pubsubState';

/** What Redis replies with after each subscribe: the client's channels plus patterns. */
export function subscriptionCount(state: PubSubState, subscriber: string): number {
  return state.subscriptions.filter((s) => s.subscriber === subscriber).length;
}

function add(state: PubSubState, subscriber: string, kind: SubscriptionKind, target: string): number {
  // Subscribing twice to the same channel or pattern changes nothing, as in Redis.
  if (!state.subscriptions.some((s) => s.subscriber === subscriber && s.kind === kind && s.target === target)) {
    state.subscriptions.push({ subscriber, kind, target });
  }
  return subscriptionCount(state, subscriber);
}

/** SUBSCRIBE channel: from now on, messages published to exactly this channel. */
export function subscribe(state: PubSubState, subscriber: string, channel: string): number {
  return add(state, subscriber, SubscriptionKind.Channel, channel);
}

/** PSUBSCRIBE pattern: from now on, messages to every channel the glob pattern matches. */
export function psubscribe(state: PubSubState, subscriber: string, pattern: string): number {
  return add(state, subscriber, SubscriptionKind.Pattern, pattern);
}

/** The client disconnects: every subscription it had ends. */
export function disconnect(state: PubSubState, subscriber: string): void {
  state.subscriptions = state.subscriptions.filter((s) => s.subscriber !== subscriber);
}
