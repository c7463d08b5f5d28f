import type { TimelineMarkers } from '../../state';

/** One marker on the timeline rail, in the words a person reads and the position a click goes to. */
export interface MarkerItem {
  readonly key: string;
  /** Marker kind (error, rebalance, …) or 'bookmark'; also its CSS class. */
  readonly kind: string;
  /** Timeline position a click seeks to: just after a marked step, at a bookmark. */
  readonly position: number;
  /** Accessible name, e.g. "Rebalance at step 230". */
  readonly name: string;
}

// Kinds added in the worker show with a name made from their id until they get one here.
const KIND_NAMES: Readonly<Record<string, string>> = {
  error: 'Error',
  rebalance: 'Rebalance',
  'dead-letter': 'Dead-lettering',
  conflict: 'Conflict',
  invariant: 'Invariant broken',
};
const PLURALS: Readonly<Record<string, string>> = {
  error: 'errors',
  rebalance: 'rebalances',
  'dead-letter': 'dead-letterings',
  conflict: 'conflicts',
  invariant: 'invariants broken',
};

export const kindName = (kind: string): string =>
  KIND_NAMES[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replaceAll('-', ' ');

/** "3 errors", "1 rebalance". */
export function countText(kind: string, count: number): string {
  const one = kindName(kind).toLowerCase();
  return `${count.toLocaleString('en')} ${count === 1 ? one : (PLURALS[kind] ?? `${one}s`)}`;
}

export function bookmarkName(step: number, label: string): string {
  return label === '' ? `Bookmark at step ${step}` : `Bookmark "${label}" at step ${step}`;
}

/** Every marker and bookmark, in timeline order. */
export function markerItems(markers: TimelineMarkers): MarkerItem[] {
  const items: MarkerItem[] = [];
  for (const [kind, list] of Object.entries(markers.kinds)) {
    for (const step of list?.steps ?? [])
      items.push({ key: `${kind}@${step}`, kind, position: step + 1, name: `${kindName(kind)} at step ${step}` });
  }
  for (const { step, label } of markers.bookmarks)
    items.push({ key: `bookmark@${step}`, kind: 'bookmark', position: step, name: bookmarkName(step, label) });
  return items.sort((a, b) => a.position - b.position);
}
