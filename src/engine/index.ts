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
