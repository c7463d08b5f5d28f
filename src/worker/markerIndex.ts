import { markerKindOf, type MarkerKind, type StepRecord } from '../engine';
import { MARKERS_PER_KIND, type Bookmark, type TimelineMarkers } from '../protocol';
import type { MarkerIndex } from '../storage';

/**
 * Adds a freshly recorded step to a branch's marker index; true when it was marked. O(1): an ordinary
 * step costs one table lookup. Past MARKERS_PER_KIND a kind's steps are only counted, so the index
 * stays small enough to store with the branch record at every flush.
 */
export function indexStep(index: MarkerIndex, record: StepRecord): boolean {
  const kind = markerKindOf(record);
  if (kind === null) return false;
  const list = (index[kind] ??= { steps: [], total: 0 });
  if (list.steps.length < MARKERS_PER_KIND) list.steps.push(record.step);
  list.total++;
  return true;
}

/**
 * The markers a fork from `forkStep` inherits: its parent's before that step. `recount` names the
 * kinds whose list was full before the fork step, so their total before it is not known and must be
 * counted from the log.
 */
export function inheritMarkers(
  index: MarkerIndex,
  forkStep: number,
): { index: MarkerIndex; recount: { kind: MarkerKind; from: number }[] } {
  const inherited: MarkerIndex = {};
  const recount: { kind: MarkerKind; from: number }[] = [];
  for (const [kind, list] of Object.entries(index) as [MarkerKind, { steps: number[]; total: number }][]) {
    const steps = list.steps.filter((step) => step < forkStep);
    inherited[kind] = { steps, total: steps.length };
    const last = list.steps[list.steps.length - 1];
    if (list.total > list.steps.length && last !== undefined && last < forkStep - 1)
      recount.push({ kind, from: last + 1 });
  }
  return { index: inherited, recount };
}

/** Drops markers at or past the head (a stored head can be behind steps indexed before a failed write). */
export function trimMarkers(index: MarkerIndex, head: number): MarkerIndex {
  const trimmed: MarkerIndex = {};
  for (const [kind, list] of Object.entries(index) as [MarkerKind, { steps: number[]; total: number }][]) {
    const steps = list.steps.filter((step) => step < head);
    const capped = list.total > list.steps.length && steps.length === list.steps.length;
    trimmed[kind] = { steps, total: capped ? list.total : steps.length };
  }
  return trimmed;
}

/** What the UI is sent: copies, so later appends in the worker cannot show through a message in flight. */
export function timelineMarkers(branchId: string, index: MarkerIndex, bookmarks: readonly Bookmark[]): TimelineMarkers {
  const kinds: Record<string, { steps: number[]; total: number }> = {};
  for (const [kind, list] of Object.entries(index)) kinds[kind] = { steps: list.steps.slice(), total: list.total };
  return { branchId, kinds, bookmarks: bookmarks.map((b) => ({ ...b })) };
}
