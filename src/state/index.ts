export { useAppStore, type AppState } from './appStore';
export { LOG_BLOCK, selectLogRow, type LogBlock } from './logSlice';
export type { Notice } from './noticeSlice';
export type { LastFailure } from './lastFailures';
export { startTidemark } from './startup';
export { openFlowDocument, openFlowText, openFlowUrl, exampleUrl } from './openFlow';
export { flushFlow } from './flowSync';
export { trustFlow } from './trust';
export { flowCode, type FlowCode } from './flowCode';
export type { ReplacePrompt } from './promptSlice';
export {
  play,
  pause,
  setSpeed,
  stepOnce,
  seek,
  resetRun,
  forkRun,
  switchBranch,
  publishByHand,
  fetchRows,
} from './runCommands';
export {
  addNode,
  removeNode,
  updateNode,
  moveNode,
  setCode,
  removeEdge,
  patchEdge,
  type EdgePatch,
  connectNodes,
  connectableTargets,
  emptyFlow,
  type ConnectResult,
} from './flowEdits';
export { describeProblems, describeError } from './describeProblems';
export { controlConsumer, resetGroupOffsets } from './consumerCommands';
export { sendCommandByHand, rebuildReadModel, queryReadModel, queryLog, traceId, type Answer } from './eventSourcingCommands';
export type { TraceView } from './traceSlice';
export { traceableId } from './traceable';
export { seekToLogStep, jumpTouchingStep, goTo, addBookmark, removeBookmark, deleteBranch, compareNodeState, type TouchJump } from './debugCommands';
export { exportLogFile } from './logExportFile';
export { readEventsFile, importEvents } from './eventImport';
export { defaultProducer, MAX_IMPORT_EVENTS, type ImportedEvent, type LineProblem } from './eventLines';
export { patchNode, type NodePatch } from './patchNode';
export { parseTopicPartition, sortTopicPartitions, type TopicPartition } from './topicPartition';
export { groupIdOf, memberStatus, type MemberStatus } from './groupMembership';
export { groupsOfTopic } from './consumerGroups';
export { bindingLabel } from './bindingLabel';
export { RateWindow } from './rateWindow';
export { neighbourKinds } from './neighbourKinds';
export { bracketList, offsetList, shortPartitionList } from './partitionText';
export {
  Speed,
  MARKERS_PER_KIND,
  MAX_BOOKMARK_LABEL,
  type BranchInfo,
  type Frame,
  type GroupView,
  type TopicView,
  type QueueView,
  type ChannelView,
  type EventStoreView,
  type Bookmark,
  type TimelineMarkers,
  type NodeStateDiff,
} from '../protocol';
export type { StateChange } from '../lib/diffState';
export { parseJsonText } from '../lib/jsonSafety';
