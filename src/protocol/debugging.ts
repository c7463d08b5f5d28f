import type { MarkerKind } from '../engine';
import type { StateChange } from '../lib/diffState';

/** Markers kept per kind and branch: the first ones; later ones are only counted (a history can hold 1,000,000 steps). */
export const MARKERS_PER_KIND = 500;
export const MAX_BOOKMARKS = 200;
export const MAX_BOOKMARK_LABEL = 80;
/** Events one publishBatch request may carry. */
export const MAX_PUBLISH_BATCH = 1000;

/** Exported steps that are not publishes have this type prefix; an import skips them (they are the engine's, not domain events). */
export const ENGINE_EVENT_TYPE_PREFIX = 'dev.tidemark.';

/** A position on the timeline a person marked, with an optional label. */
export interface Bookmark {
  /** Timeline position (steps executed), as the slider shows it. */
  readonly step: number;
  readonly label: string;
}

/** The marked steps of one kind: the first MARKERS_PER_KIND, in order, and how many there are in all. */
interface MarkerList {
  /** Log steps (a marker at step s shows the run just after s executed). */
  readonly steps: readonly number[];
  readonly total: number;
}

/** What the timeline marks on a branch; pushed when it changes, not with every frame. */
export interface TimelineMarkers {
  readonly branchId: string;
  readonly kinds: Readonly<Partial<Record<MarkerKind, MarkerList>>>;
  readonly bookmarks: readonly Bookmark[];
}

/** What a "Go to" names: a timeline position, an event (the step that published it) or a virtual time. */
export type GotoTarget =
  | { readonly kind: 'step'; readonly step: number }
  | { readonly kind: 'event'; readonly id: string }
  /** Virtual milliseconds: the last step at or before it. */
  | { readonly kind: 'time'; readonly ms: number };

/** Where a Go to lands (`step` is the log step shown as current, null at position 0), or why it cannot. */
export type LocateResult =
  | { readonly ok: true; readonly cursor: number; readonly step: number | null; readonly time: number }
  | { readonly ok: false; readonly problem: string };

/** How a node's state differs between two timeline positions. */
export interface NodeStateDiff {
  readonly from: number;
  readonly to: number;
  readonly changes: readonly StateChange[];
  /** More changes than were sent. */
  readonly truncated: boolean;
}
