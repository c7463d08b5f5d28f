import { stepTouchesNode, type StepRecord, type TouchTarget } from '../engine';
import type { GotoTarget, LocateResult } from '../protocol';
import { SEGMENT_SIZE } from '../storage';

/** Reads log steps [from, from + count) of one branch (from memory or stored segments). */
export type RowReader = (from: number, count: number) => Promise<StepRecord[]>;

/**
 * Visits the steps of [from, to) one page (a segment) at a time, forwards or backwards, until
 * `visit` returns true; resolves to the step it stopped at, or null. Pages, not the whole log, are
 * in memory at once.
 */
export async function scanSteps(
  read: RowReader,
  from: number,
  to: number,
  direction: 'forward' | 'backward',
  visit: (record: StepRecord) => boolean,
): Promise<StepRecord | null> {
  if (direction === 'forward') {
    for (let start = Math.max(0, from); start < to;) {
      const end = Math.min(to, (Math.floor(start / SEGMENT_SIZE) + 1) * SEGMENT_SIZE);
      for (const record of await read(start, end - start)) if (visit(record)) return record;
      start = end;
    }
    return null;
  }
  for (let end = to; end > from;) {
    const start = Math.max(from, Math.ceil(end / SEGMENT_SIZE) * SEGMENT_SIZE - SEGMENT_SIZE);
    const page = await read(start, end - start);
    for (let i = page.length - 1; i >= 0; i--) if (visit(page[i]!)) return page[i]!;
    end = start;
  }
  return null;
}

/** The first log step after `from` (next) or before it (previous) that touches the node, up to the head or step 0. */
export async function findTouching(
  read: RowReader,
  head: number,
  node: TouchTarget,
  from: number,
  direction: 'next' | 'previous',
): Promise<number | null> {
  const touches = (record: StepRecord) => stepTouchesNode(record, node);
  const found =
    direction === 'next'
      ? await scanSteps(read, from + 1, head, 'forward', touches)
      : await scanSteps(read, 0, Math.min(from, head), 'backward', touches);
  return found?.step ?? null;
}

/** The last step at or before a virtual time (steps are in time order), by binary search over the log. */
export async function lastStepAtOrBefore(read: RowReader, head: number, ms: number): Promise<StepRecord | null> {
  let low = 0;
  let high = head - 1;
  let best: StepRecord | null = null;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const [record] = await read(middle, 1);
    if (!record) return best;
    if (record.time <= ms) {
      best = record;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;

/** Where a Go to lands on a branch of `head` steps, or why it cannot; the position shows the found step just executed. */
export async function locate(read: RowReader, head: number, target: GotoTarget): Promise<LocateResult> {
  switch (target.kind) {
    case 'step': {
      if (!Number.isInteger(target.step) || target.step < 0 || target.step > head)
        return { ok: false, problem: `Step ${target.step} is not on this branch: it has steps 0 to ${head}.` };
      const [last] = target.step === 0 ? [] : await read(target.step - 1, 1);
      return { ok: true, cursor: target.step, step: last?.step ?? null, time: last?.time ?? 0 };
    }
    case 'event': {
      const id = target.id.toLowerCase();
      const found = await scanSteps(
        read,
        0,
        head,
        'forward',
        (r) => r.kind === 'publish' && r.event.id.toLowerCase() === id,
      );
      if (!found) return { ok: false, problem: `No event with id ${target.id} was published on this branch.` };
      return { ok: true, cursor: found.step + 1, step: found.step, time: found.time };
    }
    case 'time': {
      if (head === 0) return { ok: false, problem: 'Nothing has run on this branch yet.' };
      const [last] = await read(head - 1, 1);
      if (last && target.ms > last.time)
        return {
          ok: false,
          problem: `t = ${seconds(target.ms)} is past the end of this branch (t = ${seconds(last.time)}).`,
        };
      const found = await lastStepAtOrBefore(read, head, target.ms);
      return found
        ? { ok: true, cursor: found.step + 1, step: found.step, time: found.time }
        : { ok: true, cursor: 0, step: null, time: 0 };
    }
  }
}
