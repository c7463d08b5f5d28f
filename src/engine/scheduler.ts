import type { ScheduledAction } from './runtimeState';

// A binary min-heap kept in a plain array so the runtime state stays cloneable.

function before(a: ScheduledAction, b: ScheduledAction): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

export function pushAction(heap: ScheduledAction[], action: ScheduledAction): void {
  heap.push(action);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

export function popAction(heap: ScheduledAction[]): ScheduledAction | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length === 0 || last === undefined) return top;
  heap[0] = last;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let least = i;
    if (l < heap.length && before(heap[l]!, heap[least]!)) least = l;
    if (r < heap.length && before(heap[r]!, heap[least]!)) least = r;
    if (least === i) break;
    [heap[i], heap[least]] = [heap[least]!, heap[i]!];
    i = least;
  }
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
