export type { CloudEvent } from './cloudEvent';
export { zeroCounters, type Counters } from './counters';
export type { RunInput, RecordedInput } from './input';
export {
  StepKind,
  Outcome,
  type StepRecord,
  type PublishStep,
  type DeliverStep,
  type FlowChangeStep,
  type FaultStep,
  type OffsetsResetStep,
} from './stepRecord';
export type { RuntimeSnapshot, RuntimeState, NodeState } from './runtimeState';
export type { HandlerContext, CompiledHandler } from './code/handlerContext';
export { CodeSandbox, NOT_TRUSTED, type CodeSandboxOptions } from './code/codeSandbox';
export { hardenRealm } from './code/hardenRealm';
export { summarizeFlowChange, affectsRun } from './flowChange';
export { queryLog, queryReadModel, QueryError, type LogQuery, type LogQueryResult, type EventRow } from './esQueries';
export { MarkerKind, markerKindOf } from './markerKind';
export { stepTouchesNode, type TouchTarget } from './stepTouchesNode';
export { virtualIso } from './virtualTime';
export { ConversationTracer, conversationOf, type TraceLink } from './causation';
export { type Message, type QueuedMessage, type Topology, trackRequest, unackedCount } from './brokers/amqp';
export { highWatermark, type KafkaRecord, lag, partitionForKey, type ResetTarget, tpKey } from './brokers/kafka';
export { errorMessage } from './code/errorMessage';
export { type AmqpDeliveryInfo } from './code/handlerContext';
export { fillKey, fillTemplate } from './code/payloadTemplate';
export { type Command } from './command';
export { countOnEdge } from './counters';
export { deepFreeze } from './deepFreeze';
export { checkInvariants } from './invariants';
export { appendCommand, decideCommand, deciderCodeProblem, dropSnapshotsOf } from './nodes/aggregate';
export { crashConnection, restartConnection, syncBrokers, usesAmqpOrPubSub } from './nodes/amqpConsumers';
export { type AmqpState, emptyAmqpState, topologyOf } from './nodes/amqpState';
export {
  controlConsumer,
  formGroups,
  groupSync,
  resetGroupOffsets,
  sessionExpiry,
  subscribedTopics,
  syncGroups,
} from './nodes/consumerGroups';
export { copyEsState, emptyEsState } from './nodes/esState';
export { currentSchemaVersion, schemaProblem } from './nodes/eventSchemas';
export { HandlerCalls } from './nodes/handlerCalls';
export { commitAfter, fetch, handleInflight } from './nodes/handlerNode';
export { copyKafkaState, emptyKafkaState, type KafkaState } from './nodes/kafkaState';
export { handleChannelMessage, publishOnChannel } from './nodes/pubsubNode';
export { handleQueueDelivery } from './nodes/queueConsumer';
export { expireQueue, newEffects, publishMessage } from './nodes/queues';
export { type RunContext } from './nodes/runContext';
export { readStore, rebuildReadModel, storeLag, wakeStoreSubscribers } from './nodes/storeSubscription';
export { appendToTopic, cleanUp, topicLog } from './nodes/topic';
export { nextUint32, nextUuid, seedRandom } from './random';
export { type ScheduledAction } from './runtimeState';
export { filterActions, peekAction, popAction, pushAction } from './scheduler';
export {
  type AmqpRoute,
  type ChannelNote,
  type CommandStep,
  type ConsumerStep,
  type DeathNote,
  type QueueDeliverStep,
  type RebalanceStep,
} from './stepRecord';
export { findUncloneable } from './uncloneable';
