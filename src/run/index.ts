export { Runtime, SnapshotError } from './runtime';
export { BranchRun, type Advance, type BranchRunOptions } from './branchRun';
export { runFlow } from './runFlow';
