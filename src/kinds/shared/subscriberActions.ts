import type { SubscriberNode } from '../../flow';
import {
  commitAfter,
  fetchRecord,
  handleInflight,
  handleChannelMessage,
  handleQueueDelivery,
  readStore,
} from '../../engine';
import type { NodeActions } from '../kindModule';

/** Consumers and projections read the same way from every broker and the event store. */
export const subscriberActions: NodeActions<SubscriberNode> = {
  'queue-handle': (run, node, action) => handleQueueDelivery(run, node, action.queue, action.incarnation),
  'store-read': (run, node) => readStore(run, node),
  'pubsub-handle': (run, node, action) => handleChannelMessage(run, node, action),
  fetch: (run, node) => fetchRecord(run, node),
  handle: (run, node) => handleInflight(run, node),
  commit: (run, node, action) => commitAfter(run, node, action.memberId, action.offsets),
};
