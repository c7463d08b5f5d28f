import type { BranchRecord } from '../storage';

/** The branch that owns `step` when reading it from `branch`: steps below a fork belong to the parent. */
export function ownerOf(branches: ReadonlyMap<string, BranchRecord>, branch: BranchRecord, step: number): BranchRecord {
  let owner = branch;
  while (step < owner.forkStep && owner.parentId !== null) {
    const parent = branches.get(owner.parentId);
    if (!parent) break;
    owner = parent;
  }
  return owner;
}
