export { hasHandlerCode } from './nodeKind';
export {
  type FlowDocument,
  type NodeOfKind,
  type FlowNode,
  type FlowEdge,
  type ProducerNode,
  type TopicNode,
  type ExchangeNode,
  type QueueNode,
  type PubSubNode,
  type CommandNode,
  type Invariant,
  type AggregateNode,
  type EventTypeSchemas,
  type ConsumerNode,
  type SubscriberNode,
} from './flowSchema';
export { validateFlow, parseFlow, describeProblems } from './validateFlow';
export type { FlowProblem } from './flowProblem';
