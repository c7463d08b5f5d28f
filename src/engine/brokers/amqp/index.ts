export { type AmqpError, ReplyCode } from './amqpError';
export { type Death, DeathReason, type HeaderValue, type Headers, type Message, type QueuedMessage, toMessage } from './message';
export { matchTopic } from './topicPattern';
export { headerValuesEqual, matchHeaders } from './headersMatch';
export {
  type Binding,
  DEFAULT_EXCHANGE,
  DestinationType,
  type Exchange,
  ExchangeType,
  type Topology,
  findExchange,
  hasQueue,
  validateBinding,
  validateExchange,
} from './topology';
export { type RouteResult, route } from './route';
export { type PublishOptions, type PublishOutcome, publish } from './publish';
export {
  type Consumer,
  type Delivery,
  Overflow,
  type QueueConfig,
  type QueueState,
  type Removal,
  type UnackedDelivery,
  createQueue,
  unackedCount,
} from './queue';
export { type EnqueueResult, enqueue } from './enqueue';
export { expire, nextExpiry } from './expire';
export { dispatch } from './dispatch';
export { type NackOptions, type SettleResult, ack, nack, reject } from './settle';
export { addConsumer, cancelConsumer, crashConsumer } from './consumers';
export {
  type DeadLetterRoute,
  type DeathEvent,
  deadLetterMessage,
  detectCycles,
  isDeathCycle,
  routeDeadLetter,
  xDeathHeader,
} from './deadLetter';
export { type PendingRequest, type PendingRequests, type ReplyMatch, buildReply, matchReply, trackRequest } from './requestReply';
