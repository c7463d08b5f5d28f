import type { ScheduledAction } from './runtimeState';

// A binary min-heap kept in a plain array so the runtime state stays cloneable.

function before(a: ScheduledAction, b: ScheduledAction): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

export function pushAction(heap: ScheduledAction[], action: ScheduledAction): void {
  // Sift up with a hole: parents move down until the action's place is found, then it is written once.
  let i = heap.length;
  heap.push(action);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const above = heap[parent]!;
    if (!before(action, above)) break;
    heap[i] = above;
    i = parent;
  }
  heap[i] = action;
}

export function popAction(heap: ScheduledAction[]): ScheduledAction | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length === 0 || last === undefined) return top;
  const n = heap.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
    const smaller = heap[child]!;
    if (!before(smaller, last)) break;
    heap[i] = smaller;
    i = child;
  }
  heap[i] = last;
  return top;
}

export function peekAction(heap: readonly ScheduledAction[]): ScheduledAction | undefined {
  return heap[0];
}

/** Rebuilds the heap without the actions `keep` rejects (used when the flow changes). */
export function filterActions(heap: ScheduledAction[], keep: (a: ScheduledAction) => boolean): ScheduledAction[] {
  const next: ScheduledAction[] = [];
  for (const action of heap) if (keep(action)) pushAction(next, action);
  return next;
}
