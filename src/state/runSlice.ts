import type { StateCreator } from 'zustand';
import type { BranchInfo, Frame } from '../protocol';
import { Speed } from '../protocol';
import type { AppState } from './appStore';
import { collectFailures, type LastFailure } from './lastFailures';

export interface RunSlice {
  /** The latest frame pushed by the worker. */
  frame: Frame | null;
  branches: readonly BranchInfo[];
  playing: boolean;
  speed: Speed;
  /** Requests for play/pause/speed not yet answered; until then frames may still show the old values. */
  runRequestsPending: number;
  /** Node id → its latest failed delivery at or before the cursor. */
  lastFailures: Readonly<Record<string, LastFailure>>;
  receiveFrame: (frame: Frame) => void;
  setBranches: (branches: readonly BranchInfo[]) => void;
  /** Shows a play/pause/speed change at once, before the worker confirms it. */
  beginRunRequest: (change: { playing?: boolean; speed?: Speed }) => void;
  endRunRequest: () => void;
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set) => ({
  frame: null,
  branches: [],
  playing: false,
  speed: Speed.X1,
  runRequestsPending: 0,
  lastFailures: {},
  receiveFrame: (frame) =>
    set((s) => ({
      frame,
      lastFailures: collectFailures(s.frame, frame, s.lastFailures),
      ...(s.runRequestsPending > 0 ? {} : { playing: frame.playing, speed: frame.speed }),
    })),
  setBranches: (branches) => set({ branches }),
  beginRunRequest: (change) => set((s) => ({ ...change, runRequestsPending: s.runRequestsPending + 1 })),
  endRunRequest: () => set((s) => ({ runRequestsPending: Math.max(0, s.runRequestsPending - 1) })),
});
