import { matchChannelPattern } from './channelPattern';
import { type PubSubState, SubscriptionKind } from './pubsubState';

type PubSubDelivery =
  /** Sent to a SUBSCRIBE on the exact channel (Redis's `message`). */
  | { readonly kind: 'message'; readonly subscriber: string; readonly channel: string }
  /** Sent to a PSUBSCRIBE whose pattern matched (Redis's `pmessage`, which names the pattern). */
  | { readonly kind: 'pmessage'; readonly subscriber: string; readonly channel: string; readonly pattern: string };

export interface PubSubPublishResult {
  /** PUBLISH's reply: how many deliveries were made. */
  readonly receivers: number;
  readonly deliveries: PubSubDelivery[];
}

/**
 * PUBLISH: one delivery per exact subscription to the channel, then one per matching pattern
 * subscription (so a client subscribed both ways, or by two matching patterns, gets it more than
 * once, as in Redis). Only those subscribed right now receive it; with none, it is dropped.
 */
export function publish(state: PubSubState, channel: string): PubSubPublishResult {
  const deliveries: PubSubDelivery[] = [];
  for (const s of state.subscriptions) {
    if (s.kind === SubscriptionKind.Channel && s.target === channel)
      deliveries.push({ kind: 'message', subscriber: s.subscriber, channel });
  }
  for (const s of state.subscriptions) {
    if (s.kind === SubscriptionKind.Pattern && matchChannelPattern(s.target, channel)) {
      deliveries.push({ kind: 'pmessage', subscriber: s.subscriber, channel, pattern: s.target });
    }
  }
  state.published++;
  state.delivered += deliveries.length;
  if (deliveries.length === 0) state.dropped++;
  return { receivers: deliveries.length, deliveries };
}
