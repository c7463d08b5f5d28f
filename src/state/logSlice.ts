import type { StateCreator } from 'zustand';
import type { StepRecord } from '../engine';
import type { Frame } from '../protocol';
import type { AppState } from './appStore';

/** Rows are cached in blocks of this many steps; a block is also the unit fetched with getRows. */
export const LOG_BLOCK = 200;

type LogBlock = readonly (StepRecord | undefined)[];

export interface LogSlice {
  /** Block index → rows of that block (sparse until fetched). */
  logBlocks: Readonly<Record<number, LogBlock>>;
  /** The branch and head the cache belongs to; a new branch or a shorter head empties it. */
  logBranchId: string | null;
  logHead: number;
  mergeRows: (rows: readonly StepRecord[]) => void;
  /** Adopts a frame: clears the cache if the history changed, then stores its recent rows. */
  syncLog: (frame: Frame) => void;
  clearLog: () => void;
}

function merge(
  blocks: Readonly<Record<number, LogBlock>>,
  rows: readonly StepRecord[],
): Readonly<Record<number, LogBlock>> {
  if (rows.length === 0) return blocks;
  const next: Record<number, (StepRecord | undefined)[]> = { ...blocks } as Record<number, (StepRecord | undefined)[]>;
  const copied = new Set<number>();
  for (const row of rows) {
    const index = Math.floor(row.step / LOG_BLOCK);
    if (!copied.has(index)) {
      next[index] = [...(blocks[index] ?? [])];
      copied.add(index);
    }
    const block = next[index];
    if (block) block[row.step % LOG_BLOCK] = row;
  }
  return next;
}

export const createLogSlice: StateCreator<AppState, [], [], LogSlice> = (set) => ({
  logBlocks: {},
  logBranchId: null,
  logHead: 0,
  mergeRows: (rows) => set((s) => ({ logBlocks: merge(s.logBlocks, rows) })),
  syncLog: (frame) =>
    set((s) => {
      const stale = s.logBranchId !== frame.branchId || frame.head < s.logHead;
      return {
        logBranchId: frame.branchId,
        logHead: frame.head,
        logBlocks: merge(stale ? {} : s.logBlocks, frame.recent),
      };
    }),
  clearLog: () => set({ logBlocks: {}, logBranchId: null, logHead: 0 }),
});

/** The cached row for a step, if any. */
export function selectLogRow(step: number): (s: AppState) => StepRecord | undefined {
  return (s) => s.logBlocks[Math.floor(step / LOG_BLOCK)]?.[step % LOG_BLOCK];
}
