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
export { FlowDefaults } from './flowDefaults';
export { FLOW_TEXT_LIMITS } from './flowLimits';
export { canConnect, CONNECTIONS, NODE_KINDS, type NodeKind } from './nodeKind';
export { type SchemaKit } from './schemaKit';
export {
  checkCompatibility,
  checkSchema,
  checkSchemas,
  type CompatibilityIssue,
  CompatibilityMode,
  type JsonSchema,
  schemaToTypeScript,
  toTypeName,
} from './schemaTools';
export { isValidXMatch, X_MATCH_MODES, XMatch } from './xMatch';
