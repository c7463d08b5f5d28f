export { useAppStore } from './appStore';
export { LOG_BLOCK, selectLogRow } from './logSlice';
export { startTidemark } from './startup';
export { openFlowText, openFlowUrl, exampleUrl } from './openFlow';
export { flushFlow } from './flowSync';
export { trustFlow } from './trust';
export { flowCode } from './flowCode';
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
} from './flowEdits';
export { controlConsumer, resetGroupOffsets } from './consumerCommands';
export { sendCommandByHand, rebuildReadModel, queryReadModel, queryLog, traceId } from './eventSourcingCommands';
export type { TraceView } from './traceSlice';
export { traceableId } from './traceable';
export { jumpTouchingStep, goTo, addBookmark, removeBookmark, deleteBranch, compareNodeState } from './debugCommands';
export { exportLogFile } from './logExportFile';
export { readEventsFile, importEvents } from './eventImport';
export { defaultProducer, type ImportedEvent, type LineProblem } from './eventLines';
export { patchNode, type NodePatch } from './patchNode';
export { parseTopicPartition } from './topicPartition';
export { groupIdOf, memberStatus } from './groupMembership';
export { groupsOfTopic } from './consumerGroups';
export { bindingLabel } from './bindingLabel';
export { RateWindow } from './rateWindow';
export { neighbourKinds } from './neighbourKinds';
export { bracketList, offsetList, shortPartitionList } from './partitionText';
export {
  Speed,
  MARKERS_PER_KIND,
  MAX_BOOKMARK_LABEL,
  type GroupView,
  type Bookmark,
  type TimelineMarkers,
  type NodeStateDiff,
} from '../protocol';
export type { StateChange } from '../lib/diffState';
export { parseJsonText } from '../lib/jsonSafety';
