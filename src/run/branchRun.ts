import type { FlowDocument } from '../flow';
import type {
  CodeSandbox,
  RecordedInput,
  RunInput,
  RunContext,
  RuntimeSnapshot,
  RuntimeState,
  StepRecord,
} from '../engine';
import { Runtime, SnapshotError } from './runtime';

export interface BranchRunOptions {
  readonly baseFlow: FlowDocument;
  /** The flow's user code; whoever opens the flow decides whether it is trusted to run. */
  readonly code: CodeSandbox;
  readonly inputs: readonly RecordedInput[];
  /** Steps already recorded on this branch (its own and those inherited from a parent). */
  readonly head: number;
  /** Take a snapshot whenever the step count is a multiple of this. */
  readonly snapshotEvery: number;
  /** Hand every n-th of those snapshots over for storage (default 1: all); the rest stay in memory. */
  readonly persistEvery?: number;
  /** Known snapshots by step; the owner may add more (loaded from storage) before a seek. */
  readonly snapshots?: ReadonlyMap<number, RuntimeSnapshot>;
  /** Snapshots kept in memory at most (default: all); beyond it the oldest kept go, and seeks there replay further or load one from storage. */
  readonly keepInMemory?: number;
}

const NONE: readonly never[] = Object.freeze([]);

export interface Advance {
  readonly record: StepRecord;
  /** True when the step extended the branch; false when it replayed a recorded one. */
  readonly fresh: boolean;
}

/**
 * Time travel over one branch of a run. The branch is (base flow, inputs by step); because the
 * runtime is deterministic, any step's state is "nearest snapshot, then replay", and a step past
 * the head extends the branch.
 */
export class BranchRun {
  readonly baseFlow: FlowDocument;
  readonly code: CodeSandbox;
  readonly snapshotEvery: number;
  private readonly persistEvery: number;
  readonly snapshots: Map<number, RuntimeSnapshot>;
  private readonly keepInMemory: number;
  private readonly inputsByStep: Map<number, RecordedInput>;
  private runtime: Runtime;
  private headStep: number;
  /** Snapshots taken on fresh steps that the owner has not persisted yet. */
  private unsaved: { step: number; snapshot: RuntimeSnapshot }[] = [];
  private snapshotProblem: SnapshotError | undefined;
  /** A second runtime for peek(): kept between calls, so comparing consecutive steps replays one step. */
  private scratch: Runtime | undefined;

  constructor(options: BranchRunOptions) {
    this.baseFlow = options.baseFlow;
    this.snapshotEvery = options.snapshotEvery;
    this.persistEvery = options.persistEvery ?? 1;
    this.keepInMemory = Math.max(1, options.keepInMemory ?? Number.POSITIVE_INFINITY);
    this.headStep = options.head;
    this.inputsByStep = new Map(options.inputs.map((i) => [i.step, i]));
    this.snapshots = new Map(options.snapshots ?? []);
    this.code = options.code;
    this.runtime = Runtime.start(options.baseFlow, this.code);
    if (!this.snapshots.has(0)) this.snapshots.set(0, this.runtime.snapshot());
  }

  get cursor(): number {
    return this.runtime.state.step;
  }

  get head(): number {
    return this.headStep;
  }

  get state(): Runtime['state'] {
    return this.runtime.state;
  }

  /** The run at the cursor, for questions that read it without changing it. */
  get context(): RunContext {
    return this.runtime;
  }

  /** The flow in effect at the cursor (edits made during the run are inputs). */
  get flow(): FlowDocument {
    return this.runtime.flow;
  }

  get inputs(): RecordedInput[] {
    return [...this.inputsByStep.values()].sort((a, b) => a.step - b.step);
  }

  /** Virtual time the next step happens at, or undefined when the run has nothing left to do. */
  nextTime(): number | undefined {
    return this.inputsByStep.has(this.cursor) ? this.runtime.state.time : this.runtime.nextTime();
  }

  /** Executes the step at the cursor: a recorded input if one is due, else the next scheduled action. */
  advance(): Advance | undefined {
    const step = this.cursor;
    const input = this.inputsByStep.get(step);
    const record = input ? this.runtime.apply(input.input) : this.runtime.step();
    if (!record) return undefined;
    const fresh = step >= this.headStep;
    if (fresh) this.headStep = step + 1;
    if (this.cursor % this.snapshotEvery === 0 && !this.snapshots.has(this.cursor))
      this.keepSnapshot(fresh && this.cursor % (this.snapshotEvery * this.persistEvery) === 0);
    return { record, fresh };
  }

  /** Records an input at the end of the branch; it runs now if the cursor is there, else when replay reaches it. */
  record(input: RunInput): RecordedInput {
    let step = this.headStep;
    while (this.inputsByStep.has(step)) step++;
    const recorded = { step, input };
    this.inputsByStep.set(step, recorded);
    return recorded;
  }

  /**
   * Takes the branch back to `head` with `inputs` (what storage holds after a failed write): later
   * steps, inputs and snapshots go, and a cursor past `head` moves back to it.
   */
  truncate(head: number, inputs: readonly RecordedInput[]): void {
    if (head > this.headStep) throw new Error(`cannot truncate a branch of ${this.headStep} steps to ${head}`);
    this.headStep = head;
    this.inputsByStep.clear();
    for (const input of inputs) this.inputsByStep.set(input.step, input);
    for (const step of this.snapshots.keys()) if (step > head) this.snapshots.delete(step);
    this.unsaved = this.unsaved.filter((s) => s.step <= head);
    this.scratch = undefined;
    if (this.cursor > head) this.seek(head);
  }

  /**
   * Snapshot at the cursor (also taken at every pause so a reload restores without replay). A state
   * that cannot be copied is skipped and reported once through `takeSnapshotProblem`: seeks then
   * replay from an earlier snapshot, and the run goes on.
   */
  keepSnapshot(persist = true): void {
    let snapshot: RuntimeSnapshot;
    try {
      snapshot = this.runtime.snapshot();
    } catch (error) {
      if (!(error instanceof SnapshotError)) throw error;
      this.snapshotProblem ??= error;
      return;
    }
    this.addSnapshot(this.cursor, snapshot);
    if (persist) this.unsaved.push({ step: this.cursor, snapshot });
  }

  /** Keeps a snapshot for seeks (one loaded from storage, or taken here); past `keepInMemory` the longest kept other than step 0's goes. */
  addSnapshot(step: number, snapshot: RuntimeSnapshot): void {
    this.snapshots.delete(step);
    this.snapshots.set(step, snapshot);
    if (this.snapshots.size <= this.keepInMemory) return;
    for (const kept of this.snapshots.keys()) {
      // Step 0's is the one every seek can fall back to.
      if (kept === 0 || kept === step) continue;
      this.snapshots.delete(kept);
      if (this.snapshots.size <= this.keepInMemory) return;
    }
  }

  /** The first snapshot failure not yet reported, if any. */
  takeSnapshotProblem(): SnapshotError | undefined {
    const problem = this.snapshotProblem;
    this.snapshotProblem = undefined;
    return problem;
  }

  takeUnsavedSnapshots(): readonly { step: number; snapshot: RuntimeSnapshot }[] {
    // Called after every step: most calls have nothing, and need not allocate.
    if (this.unsaved.length === 0) return NONE;
    const out = this.unsaved;
    this.unsaved = [];
    return out;
  }

  /** The step of the snapshot a seek to `target` would start from. */
  snapshotBefore(target: number): number {
    let best = 0;
    for (const step of this.snapshots.keys()) if (step <= target && step > best) best = step;
    return best;
  }

  /**
   * The state (and the flow in effect) a seek to `target` would show, computed on a scratch copy: the
   * cursor does not move. Clamped to [0, head]. The result is read-only and valid until the next call.
   */
  peek(target: number): { readonly state: RuntimeState; readonly flow: FlowDocument } {
    const goal = Math.max(0, Math.min(Math.floor(target), this.headStep));
    if (goal === this.cursor) return this.runtime;
    const from = this.snapshotBefore(goal);
    let scratch = this.scratch;
    if (!scratch || scratch.state.step > goal || scratch.state.step < from)
      scratch = Runtime.restore(this.snapshots.get(from)!, this.code);
    this.scratch = scratch;
    while (scratch.state.step < goal) {
      const input = this.inputsByStep.get(scratch.state.step);
      if (!(input ? scratch.apply(input.input) : scratch.step())) break;
    }
    return scratch;
  }

  /** Moves the cursor to `target` (clamped to [0, head]): restores the nearest snapshot, then replays. */
  seek(target: number): void {
    const goal = Math.max(0, Math.min(Math.floor(target), this.headStep));
    const from = this.snapshotBefore(goal);
    if (goal < this.cursor || from > this.cursor) {
      this.runtime = Runtime.restore(this.snapshots.get(from)!, this.code);
    }
    while (this.cursor < goal && this.advance()) {
      // replaying recorded steps
    }
  }
}
