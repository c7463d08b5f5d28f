export { type AmqpError, ReplyCode } from './amqpError';
export { type Death, DeathReason, type HeaderValue, type Headers, type Message, type QueuedMessage, toMessage } from './message';
export { matchTopic } from './topicPattern';
export { headerValuesEqual, matchHeaders } from './headersMatch';
export {
  type Binding,
  DestinationType,
  type Exchange,
  type Topology,
} from './topology';
export { publish } from './publish';
export {
  type Consumer,
  type Delivery,
  type QueueConfig,
  type QueueState,
  type Removal,
  createQueue,
  unackedCount,
} from './queue';
export { enqueue } from './enqueue';
export { expire, nextExpiry } from './expire';
export { dispatch } from './dispatch';
export { ack, nack } from './settle';
export { addConsumer, crashConsumer } from './consumers';
export { routeDeadLetter } from './deadLetter';
export { type PendingRequests, buildReply, matchReply, trackRequest } from './requestReply';
