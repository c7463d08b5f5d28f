import type { StateCreator } from 'zustand';
import type { TraceLink } from '../engine';
import type { AppState } from './appStore';

/** A causation trace on screen: the conversation of the id a person asked about. */
export interface TraceView {
  /** The event or command the trace was asked for. */
  readonly focus: string;
  readonly correlationId: string;
  readonly links: readonly TraceLink[];
  readonly truncated: boolean;
}

export interface TraceSlice {
  trace: TraceView | null;
  /** Node ids in the trace, lit up on the canvas. */
  tracedNodes: ReadonlySet<string>;
  showTrace: (trace: TraceView | null) => void;
}

const NONE: ReadonlySet<string> = new Set();

export const createTraceSlice: StateCreator<AppState, [], [], TraceSlice> = (set) => ({
  trace: null,
  tracedNodes: NONE,
  showTrace: (trace) =>
    set({
      trace,
      tracedNodes: trace
        ? new Set(trace.links.flatMap((l) => (l.from !== undefined ? [l.from, l.node] : [l.node])))
        : NONE,
    }),
});
