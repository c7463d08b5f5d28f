export { type Message, type QueuedMessage } from './message';
export { type Binding, DestinationType, type Exchange, type Topology } from './topology';
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
