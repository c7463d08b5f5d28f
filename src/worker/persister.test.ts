import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../engine';
import { StorageError, type BranchRecord, type CommitBatch, type TidemarkStore } from '../storage';
import { Persister } from './persister';

const branch = (head: number): BranchRecord =>
  ({ id: 'b', flowId: 'f', name: 'main', parentId: null, forkStep: 0, baseFlow: {} as BranchRecord['baseFlow'], inputs: [], head });

const record = (step: number): StepRecord => ({ kind: 'fault', step, time: step, node: 'n', error: 'x' });

/** A store that keeps every commit and fails the ones `fail` says. */
function fakeStore(fail: (n: number) => boolean) {
  const commits: CommitBatch[] = [];
  let n = 0;
  const store = {
    commit: async (batch: CommitBatch) => {
      if (fail(n++)) throw new StorageError('quota', 'Browser storage is full');
      commits.push(structuredClone(batch));
    },
  } as unknown as TidemarkStore;
  return { store, commits };
}

function fill(persister: Persister, steps: number): void {
  for (let step = 0; step < steps; step++) persister.append(branch(step + 1), record(step));
  persister.saveBranch(branch(steps));
}

describe('Persister', () => {
  it('writes many segments in several commits and the branch head only with the last', async () => {
    const { store, commits } = fakeStore(() => false);
    const persister = new Persister(store, () => {});
    fill(persister, 40_000);
    await persister.flush();
    expect(commits.length).toBe(3);
    expect(commits.map((c) => c.segments?.length)).toEqual([16, 16, 8]);
    expect(commits.slice(0, 2).every((c) => c.branch === undefined)).toBe(true);
    expect(commits[2]?.branch?.head).toBe(40_000);
    const stored = commits.flatMap((c) => c.segments ?? []).flatMap((s) => s.records.map((r) => r.step));
    expect(stored).toEqual(Array.from({ length: 40_000 }, (_, i) => i));
  });

  it('on a failed write reports it, keeps what was not stored, and writes it once resumed', async () => {
    let failing = true;
    const { store, commits } = fakeStore((n) => failing && n === 1);
    const errors: StorageError[] = [];
    const persister = new Persister(store, (e) => errors.push(e));
    fill(persister, 20_000);
    await persister.flush();
    expect(errors.map((e) => e.kind)).toEqual(['quota']);
    // The first chunk landed; the head did not, so storage never claims steps it lacks.
    expect(commits).toHaveLength(1);
    expect(commits[0]?.branch).toBeUndefined();
    failing = false;
    persister.resume();
    await persister.flush();
    const last = commits[commits.length - 1]!;
    expect(last.branch?.head).toBe(20_000);
    const stored = new Set(commits.flatMap((c) => c.segments ?? []).flatMap((s) => s.records.map((r) => r.step)));
    expect(stored.size).toBe(20_000);
  });
});
