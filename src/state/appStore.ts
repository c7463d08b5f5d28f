import { create } from 'zustand';
import { createFlowSlice, type FlowSlice } from './flowSlice';
import { createLogSlice, type LogSlice } from './logSlice';
import { createMarkerSlice, type MarkerSlice } from './markerSlice';
import { createNoticeSlice, type NoticeSlice } from './noticeSlice';
import { createPromptSlice, type PromptSlice } from './promptSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createTabStorageSlice, type TabStorageSlice } from './tabStorageSlice';
import { createTraceSlice, type TraceSlice } from './traceSlice';

export type AppState = FlowSlice &
  RunSlice &
  LogSlice &
  NoticeSlice &
  MarkerSlice &
  TraceSlice &
  PromptSlice &
  TabStorageSlice;

/** The one UI store; components read it through narrow selectors. */
export const useAppStore = create<AppState>()((...a) => ({
  ...createFlowSlice(...a),
  ...createRunSlice(...a),
  ...createLogSlice(...a),
  ...createNoticeSlice(...a),
  ...createMarkerSlice(...a),
  ...createTraceSlice(...a),
  ...createPromptSlice(...a),
  ...createTabStorageSlice(...a),
}));
