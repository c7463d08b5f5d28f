export const SubscriptionKind = {
  /** SUBSCRIBE: one channel by exact name. */
  Channel: 'channel',
  /** PSUBSCRIBE: every channel matching a glob pattern. */
  Pattern: 'pattern',
} as const;
export type SubscriptionKind = (typeof SubscriptionKind)[keyof typeof SubscriptionKind];

interface Subscription {
  readonly subscriber: string;
  readonly kind: SubscriptionKind;
  /** The channel name or the pattern. */
  readonly target: string;
}

/** A Redis-like pub/sub server as plain data: who listens right now, and counters. Nothing is stored. */
export interface PubSubState {
  /** Live subscriptions in the order they were made. */
  subscriptions: Subscription[];
  published: number;
  /** Messages handed to subscribers (one publish can count several, or twice for one subscriber). */
  delivered: number;
  /** Messages published while nobody listened: gone for good. */
  dropped: number;
}

export function createPubSub(): PubSubState {
  return { subscriptions: [], published: 0, delivered: 0, dropped: 0 };
}
