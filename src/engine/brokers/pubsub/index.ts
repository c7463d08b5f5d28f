export { type PubSubState, createPubSub } from './pubsubState';
export { disconnect, psubscribe, subscribe } from './subscriptions';
export { publish } from './publish';
