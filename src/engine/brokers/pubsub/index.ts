export { matchChannelPattern } from './channelPattern';
export { type PubSubState, type Subscription, SubscriptionKind, createPubSub } from './pubsubState';
export { disconnect, psubscribe, subscribe, subscriptionCount } from './subscriptions';
export { type PubSubDelivery, type PubSubPublishResult, publish } from './publish';
