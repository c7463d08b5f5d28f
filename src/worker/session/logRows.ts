import type { StepRecord } from '../../engine';
import { segmentStart, type BranchRecord } from '../../storage';
import { ownerOf } from '../branchTree';
import type { Persister } from '../persister';
import type { RowReader } from '../stepSearch';
import type { OpenFlow } from './openFlow';

/** Reads a branch's log rows from the persister's memory, or from stored segments. */
export class LogRows {
  constructor(
    private readonly open: OpenFlow,
    private readonly persister: Persister,
  ) {}

  /** Rows [from, from + count) of a branch (the current one by default), read from memory or from stored segments. */
  async rows(from: number, count: number, branch: BranchRecord = this.open.branch): Promise<StepRecord[]> {
    const store = this.open.store;
    const end = Math.min(branch.head, from + count);
    const out: StepRecord[] = [];
    for (let step = Math.max(0, from); step < end; step++) {
      const owner = ownerOf(this.open.branches, branch, step);
      let record = this.persister.cached(owner.id, owner.forkStep, step);
      if (!record && store) {
        const first = segmentStart(step, owner.forkStep);
        const segment = await store.getSegment(owner.id, first);
        if (segment) this.persister.remember(segment);
        record = segment?.records[step - first];
      }
      if (record) out.push(record);
    }
    return out;
  }

  /** Up to `count` rows of the current branch just before `step`. */
  rowsBefore(step: number, count: number): Promise<StepRecord[]> {
    return this.rows(Math.max(0, step - count), Math.min(step, count));
  }

  reader(branch: BranchRecord): RowReader {
    return (from, count) => this.rows(from, count, branch);
  }
}
