import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../engine';
import {
  decodeSteps,
  StorageError,
  type BranchRecord,
  type CommitBatch,
  type StoredSegment,
  type TidemarkStore,
} from '../storage';
import { Persister } from './persister';
import { ManualTimers } from './manualTimers.testkit';

const branch = (head: number): BranchRecord => ({
  id: 'b',
  flowId: 'f',
  name: 'main',
  parentId: null,
  forkStep: 0,
  baseFlow: {} as BranchRecord['baseFlow'],
  inputs: [],
  head,
});

const record = (step: number): StepRecord => ({ kind: 'fault', step, time: step, node: 'n', error: 'x' });

/** A store that keeps every commit and fails the ones `fail` says. */
function fakeStore(fail: (n: number) => boolean) {
  const commits: CommitBatch[] = [];
  let n = 0;
  const store = {
    commit: (batch: CommitBatch) => {
      if (fail(n++)) return Promise.reject(new StorageError('quota', 'Browser storage is full'));
      commits.push(structuredClone(batch));
      return Promise.resolve();
    },
  } as unknown as TidemarkStore;
  return { store, commits };
}

const stepsOf = (segment: CommitBatch['segments'] extends (infer S)[] | undefined ? S : never): number[] =>
  ('steps' in segment && segment.steps
    ? decodeSteps(segment.firstStep, segment.steps)
    : ((segment as StoredSegment).records ?? [])
  ).map((r) => r.step);

function fill(persister: Persister, steps: number): void {
  for (let step = 0; step < steps; step++) persister.append(branch(step + 1), record(step));
  persister.saveBranch(branch(steps));
}

describe('Persister', () => {
  it('writes many segments in several commits and the branch head only with the last', async () => {
    const { store, commits } = fakeStore(() => false);
    const persister = new Persister(store, () => {}, new ManualTimers());
    fill(persister, 140_000);
    await persister.flush();
    expect(commits.length).toBe(3);
    expect(commits.map((c) => c.segments?.length)).toEqual([64, 64, 12]);
    expect(commits.slice(0, 2).every((c) => c.branch === undefined)).toBe(true);
    expect(commits[2]?.branch?.head).toBe(140_000);
    const stored = commits.flatMap((c) => c.segments ?? []).flatMap(stepsOf);
    expect(stored).toEqual(Array.from({ length: 140_000 }, (_, i) => i));
  });

  it('on a failed write reports it, keeps what was not stored, and writes it once resumed', async () => {
    let failing = true;
    const { store, commits } = fakeStore((n) => failing && n === 1);
    const errors: StorageError[] = [];
    const persister = new Persister(store, (e) => void errors.push(e), new ManualTimers());
    fill(persister, 80_000);
    await persister.flush();
    expect(errors.map((e) => e.kind)).toEqual(['quota']);
    // The first chunk landed; the head did not, so storage never claims steps it lacks.
    expect(commits).toHaveLength(1);
    expect(commits[0]?.branch).toBeUndefined();
    failing = false;
    persister.resume();
    await persister.flush();
    const last = commits[commits.length - 1]!;
    expect(last.branch?.head).toBe(80_000);
    const stored = new Set(commits.flatMap((c) => c.segments ?? []).flatMap(stepsOf));
    expect(stored.size).toBe(80_000);
  });

  it('keeps a segment it is still writing readable, and stores its later steps with the earlier ones', async () => {
    const { store, commits } = fakeStore(() => false);
    const persister = new Persister(store, () => {}, new ManualTimers());
    fill(persister, 1500);
    expect(persister.cached('b', 0, 1499)).toEqual(record(1499));
    await persister.flush();
    for (let step = 1500; step < 1700; step++) persister.append(branch(step + 1), record(step));
    expect(persister.cached('b', 0, 1600)).toEqual(record(1600));
    await persister.flush();
    const last = commits[commits.length - 1]!.segments!;
    expect(last.map((s) => s.firstStep)).toEqual([1000]);
    expect(stepsOf(last[0]!)).toEqual(Array.from({ length: 700 }, (_, i) => 1000 + i));
  });

  it('continues a stored segment read back after a reload instead of starting it afresh', async () => {
    const { store, commits } = fakeStore(() => false);
    const persister = new Persister(store, () => {}, new ManualTimers());
    persister.remember({ branchId: 'b', firstStep: 0, records: Array.from({ length: 300 }, (_, i) => record(i)) });
    for (let step = 300; step < 310; step++) persister.append(branch(step + 1), record(step));
    await persister.flush();
    expect(stepsOf(commits[0]!.segments![0]!)).toEqual(Array.from({ length: 310 }, (_, i) => i));
  });

  it("stores an edit's flow record in the branch's commit, the last of the flush", async () => {
    const { store, commits } = fakeStore(() => false);
    const persister = new Persister(store, () => {}, new ManualTimers());
    fill(persister, 70_000);
    const flow = { id: 'current', flow: {} as BranchRecord['baseFlow'], savedAt: 1 };
    persister.saveFlow(flow);
    await persister.flush();
    expect(commits.map((c) => c.flow)).toEqual([undefined, flow]);
    expect(commits[1]?.branch?.head).toBe(70_000);
  });

  it('resolves a flush with the error of a write that failed while it waited, after that failure was reported', async () => {
    const { store } = fakeStore((n) => n === 0);
    const reported: string[] = [];
    const persister = new Persister(
      store,
      async (e) => {
        await Promise.resolve();
        reported.push(e.kind);
      },
      new ManualTimers(),
    );
    fill(persister, 10);
    const first = persister.flush();
    const second = persister.flush();
    expect((await second)?.kind).toBe('quota');
    expect(reported).toEqual(['quota']);
    expect((await first)?.kind).toBe('quota');
  });

  it('discards what a branch has not stored from its stored head on, and goes on from the stored start of its segment', async () => {
    let failing = true;
    const { store, commits } = fakeStore(() => failing);
    const persister = new Persister(store, () => {}, new ManualTimers());
    fill(persister, 1_500);
    await persister.flush();
    const stored = Array.from({ length: 200 }, (_, i) => record(1_000 + i));

    persister.discardUnstored('b', { firstStep: 1_000, records: stored });
    failing = false;
    for (let step = 1_200; step < 1_210; step++) persister.append(branch(step + 1), record(step));
    persister.saveBranch(branch(1_210));
    expect(await persister.flush()).toBeUndefined();

    expect(commits).toHaveLength(1);
    expect(commits[0]!.segments!.map((s) => s.firstStep)).toEqual([1_000]);
    expect(stepsOf(commits[0]!.segments![0]!)).toEqual(Array.from({ length: 210 }, (_, i) => 1_000 + i));
    expect(commits[0]?.branch?.head).toBe(1_210);
  });
});
