export { Runtime, SnapshotError } from './runtime';
export { BranchRun } from './branchRun';
export { runFlow } from './runFlow';
