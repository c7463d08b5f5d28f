import { CodeSandbox, type StepRecord } from '../../src/engine';
import { BranchRun, Runtime } from '../../src/run';
import type { FlowDocument } from '../../src/flow';
import { encodeSteps, SEGMENT_SIZE } from '../../src/storage';
import { SnapshotPacker } from '../../src/storage';
import { Session } from '../../src/worker/session';
import { realTimers } from '../../src/worker/timers';
import type { PersistBreakdown } from '../protocol';
import { measureIdbSegmentWrites } from './idbLimits';
import { dropMessages } from './sessionRun';
import { perSecond } from './timing';

const REPEAT = 50;

/** Mean ms of `work` over REPEAT calls. */
function meanMs(work: () => unknown): number {
  const start = performance.now();
  for (let i = 0; i < REPEAT; i++) work();
  return (performance.now() - start) / REPEAT;
}

function stepsPerSecond(steps: number, advance: () => unknown): number {
  const start = performance.now();
  for (let i = 0; i < steps; i++) advance();
  return perSecond(steps, performance.now() - start);
}

/**
 * Where a persisted step's time goes, layer by layer, on the reference flow at steady state
 * (after `steps` steps): Runtime → BranchRun (snapshots) → Session (persister buffers) → storage.
 */
export async function measureBreakdown(flow: FlowDocument, steps: number): Promise<PersistBreakdown> {
  const runtime = Runtime.start(flow);
  for (let i = 0; i < steps; i++) runtime.step();
  const segments = Array.from({ length: 10 }, (_, n) => {
    const records: StepRecord[] = [];
    for (let i = 0; i < SEGMENT_SIZE; i++) records.push(runtime.step()!);
    return { branchId: 'b', firstStep: steps + n * SEGMENT_SIZE, records };
  });
  const segment = segments[0]!;
  const snapshotMs = meanMs(() => runtime.snapshot());
  const segmentCloneMs = meanMs(() => structuredClone(segment));
  const snapshotRecord = { branchId: 'b', step: steps, snapshot: runtime.snapshot() };
  const snapshotRecordCloneMs = meanMs(() => structuredClone(snapshotRecord));
  const encodedSegmentCloneMs = meanMs(() => structuredClone(encodeSteps(segment.firstStep, segment.records)));
  // Steady state: the previous snapshot's closed segments are stored; only this one's active segments are new.
  const packer = new SnapshotPacker();
  packer.confirm(packer.pack(snapshotRecord).segments);
  const packedSnapshotCloneMs = meanMs(() => structuredClone(packer.pack(snapshotRecord).stored));

  const branchRun = new BranchRun({
    code: new CodeSandbox(),
    baseFlow: flow,
    inputs: [],
    head: 0,
    snapshotEvery: SEGMENT_SIZE,
  });
  const branchRunStepsPerSecond = stepsPerSecond(steps, () => branchRun.advance());

  const session = new Session(undefined, dropMessages, realTimers());
  await session.startFresh(flow, { trusted: true });
  const sessionNoStoreStepsPerSecond = stepsPerSecond(steps, () => session.advance());

  const segmentWrites = await measureIdbSegmentWrites(1.5, segments, SEGMENT_SIZE);
  const snapshotWrites = await measureIdbSegmentWrites(
    1.5,
    Array.from({ length: 10 }, () => snapshotRecord),
    1,
  );

  return {
    segmentWriteStepsPerSecond: segmentWrites.perSecond,
    snapshotWriteMs: 1000 / snapshotWrites.perSecond,
    snapshotMs,
    segmentCloneMs,
    snapshotRecordCloneMs,
    encodedSegmentCloneMs,
    packedSnapshotCloneMs,
    branchRunStepsPerSecond,
    sessionNoStoreStepsPerSecond,
  };
}
