// The engine's public API. Features and storage read its records and views; the kinds and the
// runtime (run/) build on the node machinery below. Nothing outside engine/ imports its files.

// A run's records, inputs and state, as the log, storage and the UI read them.
export type { CloudEvent } from './cloudEvent';
export { zeroCounters, countOnEdge, type Counters } from './counters';
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
  type AmqpRoute,
  type ChannelNote,
  type CommandStep,
  type ConsumerStep,
  type DeathNote,
  type QueueDeliverStep,
  type RebalanceStep,
} from './stepRecord';
export type { RuntimeSnapshot, RuntimeState, NodeState, ScheduledAction } from './runtimeState';
export type { Command } from './command';
export { summarizeFlowChange, affectsRun } from './flowChange';
export { MarkerKind, markerKindOf } from './markerKind';
export { stepTouchesNode, type TouchTarget } from './stepTouchesNode';
export { virtualIso } from './virtualTime';
export { findUncloneable } from './uncloneable';

// Questions asked of a run: the log, read models, conversations.
export { queryLog, queryReadModel, QueryError, type LogQuery, type LogQueryResult, type EventRow } from './esQueries';
export { ConversationTracer, conversationOf, type TraceLink } from './causation';
export { checkInvariants } from './invariants';

// User code: the sandbox, handler contexts, templates.
export type { HandlerContext, CompiledHandler, AmqpDeliveryInfo } from './code/handlerContext';
export { CodeSandbox, NOT_TRUSTED, type CodeSandboxOptions } from './code/codeSandbox';
export { hardenRealm } from './code/hardenRealm';
export { errorMessage } from './code/errorMessage';
export { fillKey, fillTemplate } from './code/payloadTemplate';
export { deepFreeze } from './deepFreeze';

// Time, randomness and the action queue a run is made of.
export { nextUint32, nextUuid, seedRandom } from './random';
export { filterActions, peekAction, popAction, pushAction } from './scheduler';

// Brokers: Kafka partition logs, AMQP exchanges and queues.
export { highWatermark, lag, partitionForKey, tpKey, type KafkaRecord, type ResetTarget } from './brokers/kafka';
export { trackRequest, unackedCount, type Message, type QueuedMessage, type Topology } from './brokers/amqp';

// Node machinery the kinds call: each kind's actions are built from these.
export type { RunContext } from './nodes/runContext';
export { appendCommand, decideCommand, deciderCodeProblem, dropSnapshotsOf } from './nodes/aggregate';
export { crashConnection, restartConnection, syncBrokers, usesAmqpOrPubSub } from './nodes/amqpConsumers';
export { emptyAmqpState, topologyOf, type AmqpState } from './nodes/amqpState';
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
export { commitAfter, fetchRecord, handleInflight } from './nodes/handlerNode';
export { copyKafkaState, emptyKafkaState, type KafkaState } from './nodes/kafkaState';
export { handleChannelMessage, publishOnChannel } from './nodes/pubsubNode';
export { handleQueueDelivery } from './nodes/queueConsumer';
export { expireQueue, newEffects, publishMessage } from './nodes/queues';
export { readStore, rebuildReadModel, storeLag, wakeStoreSubscribers } from './nodes/storeSubscription';
export { appendToTopic, cleanUp, topicLog } from './nodes/topic';
