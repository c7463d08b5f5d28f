import type { SnapshotError } from '../../run';
import type { EngineNotice, Speed } from '../../protocol';
import { indexStep } from '../markerIndex';
import type { Persister } from '../persister';
import type { Player } from '../player';
import type { FramePacing } from './framePacing';
import type { OpenFlow } from './openFlow';

/** Running the current branch: one step at a time, or played by the Player; what each step records and stores. */
export class Running {
  constructor(
    private readonly open: OpenFlow,
    private readonly persister: Persister,
    private readonly player: Player,
    private readonly frames: FramePacing,
    private readonly notify: (notice: EngineNotice) => void,
  ) {}

  /** Executes the step at the cursor; records it when it extends the branch. */
  advance(): boolean {
    const run = this.open.run;
    const result = run.advance();
    if (!result) return false;
    if (result.fresh) {
      const branch = this.open.branch;
      branch.head = run.head;
      if (indexStep((branch.markers ??= {}), result.record)) this.frames.markersChanged();
      this.persister.append(branch, result.record);
      for (const { step, snapshot } of run.takeUnsavedSnapshots())
        this.persister.addSnapshot({ branchId: branch.id, step, snapshot });
      this.persister.saveBranch(branch);
    }
    const problem = run.takeSnapshotProblem();
    if (problem) this.snapshotFailed(problem);
    this.frames.addRow(result.record);
    if (result.fresh && result.record.broken) this.invariantBroken(result.record.step, result.record.broken);
    return true;
  }

  /** The first violation pauses the run where it happened, and says which invariant and why. */
  private invariantBroken(step: number, broken: readonly { name: string; reason: string }[]): void {
    const what = broken.map((b) => `"${b.name}" (${b.reason})`).join(', ');
    this.notify({ level: 'warning', message: `Invariant ${what} broken at step ${step}: the run paused there.`, step });
    // As a person's Pause: the frame says so at once and what ran is stored.
    void this.pause();
  }

  play(): void {
    this.open.requireTrust('Play');
    this.persister.resume();
    this.player.play();
    this.frames.pushFrame();
  }

  /** Pauses and resolves once everything recorded so far is stored, so a reload right after finds it. */
  async pause(): Promise<void> {
    this.player.pause();
    const run = this.open.run;
    // A snapshot at the pause makes a reload restore this exact state without replay.
    if (run.cursor === run.head && !run.snapshots.has(run.cursor)) {
      run.keepSnapshot();
      for (const { step, snapshot } of run.takeUnsavedSnapshots())
        this.persister.addSnapshot({ branchId: this.open.branchId, step, snapshot });
    }
    this.frames.pushFrame();
    await this.persister.flush();
  }

  /** The run ended by itself: the person is told why, and it pauses as for a Pause. */
  stopped(message: string): void {
    this.notify({ level: 'info', message });
    void this.pause();
  }

  private snapshotFailed(problem: SnapshotError): void {
    const name = this.open.flow?.nodes.find((n) => n.id === problem.node)?.name ?? problem.node;
    this.player.pause();
    this.notify({
      level: 'error',
      message: `${name}: ${problem.message}. The run was paused; fix the handler, then Reset run.`,
      nodeId: problem.node,
    });
  }

  async step(): Promise<void> {
    this.open.requireTrust('Step');
    this.advance();
    this.frames.pushFrame();
    await this.persister.flush();
  }

  setSpeed(speed: Speed): void {
    this.player.setSpeed(speed);
    this.frames.pushFrame();
  }
}
