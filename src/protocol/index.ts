export {
  PROTOCOL_VERSION,
  Speed,
  LIVE_ROWS,
  REQUEST_TYPES,
  type BranchInfo,
  type EngineNotice,
  type Frame,
  type FlowLoaded,
  type Requests,
  type RequestType,
  type UiToEngine,
  type EngineToUi,
} from './messages';
