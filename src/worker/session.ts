import { deciderCodeProblem } from '../engine/nodes/aggregate';
import type { ResetTarget } from '../engine/brokers/kafka';
import { affectsRun, CodeSandbox, markerKindOf, summarizeFlowChange, type RunInput, type RuntimeSnapshot, type StepRecord } from '../engine';
import { BranchRun, type SnapshotError } from '../run';
import { hasHandlerCode, type FlowDocument } from '../flow';
import { getOwn, setOwn } from '../lib/ownRecord';
import { LIVE_ROWS, type Speed, type BranchInfo, type EngineNotice, type EngineToUi, type Frame, type StoredFlow, type StoredWork } from '../protocol';
import { SEGMENT_SIZE, segmentStart, type BookmarkRecord, type BranchRecord, type FlowRecord, type SnapshotRecord, type StorageError, type TidemarkStore } from '../storage';
import { bookmarksUpTo } from './bookmarks';
import { ownerOf } from './branchTree';
import { buildFrame } from './frames';
import { indexStep, inheritMarkers, timelineMarkers, trimMarkers } from './markerIndex';
import { Persister } from './persister';
import { Player } from './player';
import { scanSteps, type RowReader } from './stepSearch';
import { discardedNotice, notDone, storageProblem } from './storageNotices';

export const FLOW_ID = 'current';
/** Set in storage while a flow's code is evaluated for the first time after loading; found set at start, that evaluation never ended. */
const EVALUATING = 'evaluatingFlow';
/** A snapshot every SEGMENT_SIZE steps bounds a seek to one segment of replay. */
const SNAPSHOT_EVERY = SEGMENT_SIZE;
/** Every fifth snapshot is stored (each names the topic segments it shares with the last); a seek from storage replays at most five segments. */
const PERSIST_EVERY = 5;
/** Snapshots the worker keeps in memory per branch; older ones are read back from storage (a read model can make each one large). */
const SNAPSHOTS_IN_MEMORY = 128;
const FRAME_MS = 33;
/** While playing, markers go out at most this often (a run full of failures changes them every step); a pause sends them at once. */
const MARKERS_MS = 250;

const newId = (): string => crypto.randomUUID();

function toInfo(b: BranchRecord): BranchInfo {
  return { id: b.id, name: b.name, parentId: b.parentId, forkStep: b.forkStep, head: b.head };
}

/**
 * Why each handler that does not compile fails (such a node fails every delivery). For a flow whose
 * code is not trusted this is found by parsing alone: nothing of it is evaluated.
 */
export function handlerCodeErrors(flow: FlowDocument, code: CodeSandbox): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const node of flow.nodes) {
    const source = getOwn(flow.code, node.id);
    if (!hasHandlerCode(node.kind) || source === undefined) continue;
    const problem = node.kind === 'aggregate' ? deciderCodeProblem(code, source) : code.handlerProblem(source);
    if (problem !== undefined) setOwn(errors, node.id, problem);
  }
  return errors;
}

/** The flow in effect at the end of a branch: its base flow after every recorded edit. */
function latestFlow(branch: BranchRecord): FlowDocument {
  let flow = branch.baseFlow;
  for (const { input } of branch.inputs) if (input.type === 'flow') flow = input.flow;
  return flow;
}

/**
 * Owns one flow's runs inside the worker: the branches, the active BranchRun, the player that
 * paces it, and the persister that stores what it records.
 */
export class Session {
  flow: FlowDocument | null = null;
  readonly branches = new Map<string, BranchRecord>();
  private readonly runs = new Map<string, BranchRun>();
  private branchId = '';
  /** The open flow was changed since it was opened (stored with it, so a reload still knows). */
  private edited = false;
  /** The open flow's user code: its own compartment, trusted or not. */
  private code = new CodeSandbox({ trusted: false });
  private recent: StepRecord[] = [];
  private lastFrame = 0;
  /** Frames sent and not yet shown by the UI; while one is out, a playing run sends no other. */
  private framesUnshown = 0;
  /** Bumped when the current branch's markers or bookmarks change; pushFrame sends them when it moved. */
  private markersRevision = 0;
  private sentMarkers = { key: '', branchId: '', at: 0 };
  /** The stored flow record's revision. */
  private flowRevision = 0;
  readonly persister: Persister;
  readonly player: Player;

  constructor(
    readonly store: TidemarkStore | undefined,
    private readonly post: (message: EngineToUi) => void,
  ) {
    this.persister = new Persister(store, (error) => this.storageFailed(error));
    this.player = new Player({
      nextTime: () => this.run.nextTime(),
      currentTime: () => this.run.state.time,
      advance: () => this.advance(),
      afterSlice: () => this.maybeFrame(),
      finished: () => this.stopped('The run has nothing left to do: no producer is scheduled.'),
    });
  }

  get branch(): BranchRecord {
    return this.branches.get(this.branchId)!;
  }

  get run(): BranchRun {
    return this.runs.get(this.branchId)!;
  }

  branchInfos(): BranchInfo[] {
    return [...this.branches.values()].map(toInfo);
  }

  /** Whether the open flow's code may run: opened from an example or trusted by the person. */
  get trusted(): boolean {
    return this.code.isTrusted;
  }

  /** What replacing the open flow would delete, or undefined when it holds nothing the person made: no step, fork or edit. */
  storedWork(): StoredWork | undefined {
    if (!this.flow) return undefined;
    const branches = [...this.branches.values()];
    const steps = branches.reduce((sum, b) => sum + b.head - b.forkStep, 0);
    if (steps === 0 && branches.length <= 1 && !this.edited) return undefined;
    return { name: this.flow.name, steps, branches: branches.length, edited: this.edited };
  }

  /** Handler compile errors of the open flow (parsed only while untrusted). */
  codeErrors(): Record<string, string> {
    return this.flow ? handlerCodeErrors(this.flow, this.code) : {};
  }

  /** Refuses what would run an untrusted flow's code, saying how to allow it. */
  requireTrust(what: string): void {
    if (!this.code.isTrusted)
      throw new Error(`${what} would run this flow's code, which you have not trusted yet: review the code, then choose "Trust this flow".`);
  }

  notify(notice: EngineNotice): void {
    this.post({ kind: 'notice', notice });
  }

  // ---- loading ----

  /** Restores what storage holds: the flow, its branches and the current branch at its head. */
  async restore(): Promise<void> {
    if (!this.store) return;
    const loaded = await this.store.loadFlow(FLOW_ID);
    if (loaded === null) return;
    if (!loaded.ok) {
      this.notify({ level: 'error', message: `The stored flow is damaged (${loaded.reason}); it was left as it is. Open an example or a file to continue.` });
      return;
    }
    this.flowRevision = loaded.record.revision ?? 0;
    const branches = await this.store.getBranches(FLOW_ID);
    if (branches.length === 0) return;
    this.flow = loaded.record.flow;
    // A record from before trust was asked for is treated as untrusted: it may have come from anyone.
    let trusted = loaded.record.trusted === true;
    if (trusted && (await this.store.getMeta(EVALUATING)) === FLOW_ID) {
      trusted = false;
      await this.store.saveFlow({ ...loaded.record, trusted });
      this.notify({
        level: 'error',
        message: `Tidemark stopped last time while running "${loaded.record.flow.name}"'s code as the flow loaded (it may never return). The flow was opened in restricted mode, its run not replayed: review its code, fix it, then trust it again.`,
      });
    }
    this.code = new CodeSandbox({ trusted });
    this.edited = loaded.record.edited === true;
    for (const b of branches) this.branches.set(b.id, b);
    for (const b of branches) await this.loadMarkers(b);
    const current = await this.store.getMeta('currentBranchId');
    this.branchId = typeof current === 'string' && this.branches.has(current) ? current : branches[0]!.id;
    // Untrusted, the run stays at step 0: replaying it would run its code.
    if (trusted) await this.evaluating(() => this.activate(this.branchId));
    else this.runOf(this.branch);
  }

  /**
   * Runs the first evaluation of a flow's code with a mark in storage, so a worker that never comes
   * back is noticed at the next start: `work` (a replay), then every handler's compile, whose top
   * level runs too (later requests find them compiled).
   */
  private async evaluating(work: () => Promise<void>): Promise<void> {
    await this.store?.setMeta(EVALUATING, FLOW_ID);
    try {
      await work();
      this.codeErrors();
    } finally {
      // Reached after a throw too: only a hang leaves the mark.
      await this.store?.setMeta(EVALUATING, null);
    }
  }

  /** The person trusts the open flow's code: it is compiled and its run replayed to the head. */
  async trust(): Promise<void> {
    if (this.code.isTrusted || !this.flow) return;
    // Stored first: if storage refuses, the flow stays untrusted here as there.
    const record = this.flowRecord(this.flow, true, this.edited);
    await this.store?.saveFlow(record);
    this.code.trust();
    this.flowSaved(record);
    await this.evaluating(() => this.activate(this.branchId));
  }

  /** Markers as stored, trimmed to the stored head; a record from before markers existed gets them from its log, once. */
  private async loadMarkers(branch: BranchRecord): Promise<void> {
    branch.bookmarks ??= [];
    if (branch.markers) {
      branch.markers = trimMarkers(branch.markers, branch.head);
      return;
    }
    const markers = {};
    await scanSteps(this.reader(branch), 0, branch.head, 'forward', (record) => (indexStep(markers, record), false));
    branch.markers = markers;
    await this.store?.putBranch(branch);
  }

  /** Makes a branch current, building its run from the nearest stored snapshot and replaying to the head. */
  private async activate(branchId: string): Promise<void> {
    this.branchId = branchId;
    await this.seek(this.runOf(this.branch).head);
    await this.keepHeadSegment(this.branch);
  }

  /** Hands the persister the stored start of the segment the head is in: the next fresh step continues it. */
  private async keepHeadSegment(branch: BranchRecord): Promise<void> {
    const first = segmentStart(branch.head, branch.forkStep);
    const steps = branch.head - first;
    if (!this.store || steps === 0 || this.persister.holdsSegment(branch.id, first, steps)) return;
    const records = await this.rows(first, steps, branch);
    if (records.length === steps) this.persister.continueSegment(branch.id, first, records);
  }

  /** The branch's run, built (at step 0, cursor unmoved elsewhere) the first time it is needed. */
  private runOf(branch: BranchRecord): BranchRun {
    let run = this.runs.get(branch.id);
    if (!run) {
      run = this.newRun(branch);
      this.runs.set(branch.id, run);
    }
    return run;
  }

  /** A run of the branch at step 0 (no cursor moved, no user code run); throws if the engine cannot start its flow. */
  private newRun(branch: Pick<BranchRecord, 'baseFlow' | 'inputs' | 'head'>, snapshots?: ReadonlyMap<number, RuntimeSnapshot>, code = this.code): BranchRun {
    return new BranchRun({ code, baseFlow: branch.baseFlow, inputs: branch.inputs, head: branch.head, snapshotEvery: SNAPSHOT_EVERY, persistEvery: PERSIST_EVERY, ...(snapshots ? { snapshots } : {}), ...this.snapshotWindow() });
  }

  /** With storage, memory keeps a window of snapshots and the rest are read back; without, memory keeps them all. */
  private snapshotWindow(): { keepInMemory?: number } {
    return this.store ? { keepInMemory: SNAPSHOTS_IN_MEMORY } : {};
  }

  /**
   * Starts over (opening a flow, or Reset run): one empty main branch for `flow` in place of everything
   * recorded for the old flow. The new run is built first, where a flow the engine cannot start
   * throws, then stored in one transaction; only once that has committed does the session let go of
   * the old run, so a refusal (a full quota) leaves storage and the session as they were. Nothing of
   * the flow's code runs here; `trusted` says whether it may from now on.
   */
  async startFresh(flow: FlowDocument, options: { readonly trusted: boolean; readonly edited?: boolean; readonly change?: 'open' | 'reset' }): Promise<void> {
    const { trusted, edited = false, change = 'open' } = options;
    this.player.pause();
    // The old run's last steps are stored first: if the new one is refused, the old one is whole.
    await this.persister.flush();
    const action = change === 'open' ? 'Not opened' : 'Not reset';
    const unchanged = this.flow ? `Your flow "${this.flow.name}" and its run are unchanged.` : 'Nothing stored was changed.';
    const main: BranchRecord = { id: newId(), flowId: FLOW_ID, name: 'main', parentId: null, forkStep: 0, baseFlow: flow, inputs: [], head: 0, createdOrder: 0, markers: {}, bookmarks: [] };
    const code = new CodeSandbox({ trusted });
    const record = this.flowRecord(flow, trusted, edited);
    let run: BranchRun;
    try {
      run = this.newRun(main, undefined, code);
    } catch (error) {
      throw this.refused(new Error(`${action}: the engine could not start this flow (${(error as Error).message}). ${unchanged}`, { cause: error }));
    }
    try {
      await this.store?.replaceRun({ flow: record, branch: main, meta: { currentBranchId: main.id } });
    } catch (error) {
      throw this.refused(notDone(action, error, unchanged));
    }
    for (const id of this.branches.keys()) this.persister.forgetBranch(id);
    this.branches.clear();
    this.runs.clear();
    this.code = code;
    this.flowSaved(record);
    this.branches.set(main.id, main);
    this.runs.set(main.id, run);
    this.recent = [];
    await this.activate(main.id);
  }

  /** A change was refused after the run was paused for it: the UI is shown the paused run, as it stands. */
  private refused(error: unknown): unknown {
    this.pushFrame();
    return error;
  }

  // ---- running ----

  /** Executes the step at the cursor; records it when it extends the branch. */
  advance(): boolean {
    const result = this.run.advance();
    if (!result) return false;
    if (result.fresh) {
      const branch = this.branch;
      branch.head = this.run.head;
      if (indexStep((branch.markers ??= {}), result.record)) this.markersRevision++;
      this.persister.append(branch, result.record);
      for (const { step, snapshot } of this.run.takeUnsavedSnapshots()) this.persister.addSnapshot({ branchId: branch.id, step, snapshot });
      this.persister.saveBranch(branch);
    }
    const problem = this.run.takeSnapshotProblem();
    if (problem) this.snapshotFailed(problem);
    this.recent.push(result.record);
    if (this.recent.length > LIVE_ROWS * 4) this.recent = this.recent.slice(-LIVE_ROWS);
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
    this.requireTrust('Play');
    this.persister.resume();
    this.player.play();
    this.pushFrame();
  }

  /** Pauses and resolves once everything recorded so far is stored, so a reload right after finds it. */
  async pause(): Promise<void> {
    this.player.pause();
    // A snapshot at the pause makes a reload restore this exact state without replay.
    if (this.run.cursor === this.run.head && !this.run.snapshots.has(this.run.cursor)) {
      this.run.keepSnapshot();
      for (const { step, snapshot } of this.run.takeUnsavedSnapshots()) this.persister.addSnapshot({ branchId: this.branchId, step, snapshot });
    }
    this.pushFrame();
    await this.persister.flush();
  }

  private stopped(message: string): void {
    this.notify({ level: 'info', message });
    void this.pause();
  }

  private snapshotFailed(problem: SnapshotError): void {
    const name = this.flow?.nodes.find((n) => n.id === problem.node)?.name ?? problem.node;
    this.player.pause();
    this.notify({ level: 'error', message: `${name}: ${problem.message}. The run was paused; fix the handler, then Reset run.`, nodeId: problem.node });
  }

  /**
   * A write failed (a full quota): the run pauses and goes back to its last stored step, dropping the
   * steps, snapshots and inputs storage does not have, so what is shown is what a reload shows; the
   * person is told which steps were discarded. Nothing stored is touched. Play goes on from there.
   */
  private async storageFailed(error: StorageError): Promise<void> {
    this.player.pause();
    const branch = this.branch;
    const run = this.run;
    try {
      const stored = await this.store?.getBranch(branch.id);
      if (!stored) throw new Error(`branch ${branch.name} is not stored`);
      const head = stored.head;
      const first = segmentStart(head, branch.forkStep);
      const headSegment = { firstStep: first, records: await this.rows(first, head - first, branch) };
      if (run.cursor > head) await this.loadSnapshotNear(run, branch, head, run.cursor);
      const storedSteps = new Set(stored.inputs.map((i) => i.step));
      const work = { storedHead: head, head: run.head, inputs: run.inputs.filter((i) => !storedSteps.has(i.step)) };
      // Nothing awaits from here on: no request sees the branch half way back.
      run.truncate(head, stored.inputs);
      branch.head = head;
      branch.inputs = run.inputs;
      branch.markers = trimMarkers(stored.markers ?? branch.markers ?? {}, head);
      branch.bookmarks = stored.bookmarks ?? [];
      this.markersRevision++;
      this.persister.discardUnstored(branch.id, headSegment.records.length === head - first ? headSegment : undefined);
      this.notify({ level: 'error', message: discardedNotice(error, { ...work, cursor: run.cursor }) });
      this.recent = await this.rowsBefore(run.cursor, LIVE_ROWS);
    } catch (cause) {
      // Without the stored head the run cannot be put back: it waits, unsaved steps kept, for Play to retry.
      this.notify({ level: 'error', message: `${storageProblem(error)}: the run was paused, and what is stored could not be read back (${(cause as Error).message}). Nothing stored was changed.` });
    }
    this.pushFrame();
  }

  async step(): Promise<void> {
    this.requireTrust('Step');
    this.advance();
    this.pushFrame();
    await this.persister.flush();
  }

  setSpeed(speed: Speed): void {
    this.player.setSpeed(speed);
    this.pushFrame();
  }

  /** Records an input at the end of the branch and runs it now when the cursor is there. */
  private input(input: RunInput): number {
    return this.inputs([input])[0]!;
  }

  /** Records inputs one after another at the end of the branch, each run at once when the cursor is there; one frame for all. */
  private inputs(inputs: readonly RunInput[]): number[] {
    const branch = this.branch;
    const steps: number[] = [];
    for (const input of inputs) {
      const recorded = this.run.record(input);
      if (this.run.cursor === recorded.step) this.advance();
      steps.push(recorded.step);
    }
    // Once for the batch: the list is sorted on every read. No flush runs inside this synchronous loop.
    branch.inputs = this.run.inputs;
    this.persister.saveBranch(branch);
    void this.persister.flush();
    this.pushFrame();
    return steps;
  }

  publish(producer: string, data: unknown): number {
    this.requireTrust('Publishing');
    return this.input({ type: 'publish', producer, data });
  }

  sendCommand(node: string, data: unknown): number {
    this.requireTrust('Sending a command');
    return this.input({ type: 'command', node, data });
  }

  rebuild(node: string): number {
    this.requireTrust('Rebuilding a read model');
    return this.input({ type: 'rebuild', node });
  }

  /** Publishes events by hand as consecutive inputs (an import); the steps of the first and the last. */
  publishMany(producer: string, events: readonly unknown[]): { first: number; last: number } {
    this.requireTrust('Importing events');
    const steps = this.inputs(events.map((data) => ({ type: 'publish', producer, data })));
    return { first: steps[0] ?? this.run.head, last: steps[steps.length - 1] ?? this.run.head };
  }

  controlConsumer(node: string, action: 'crash' | 'restart'): number {
    this.requireTrust(action === 'crash' ? 'Crashing a consumer' : 'Restarting a consumer');
    return this.input({ type: 'consumer', node, action });
  }

  /** A reset the group would refuse (it has members) is reported, not recorded. */
  resetOffsets(group: string, target: ResetTarget): number {
    this.requireTrust('Resetting offsets');
    const state = getOwn(this.run.state.kafka.groups, group);
    if (!state) throw new Error(`no consumer group "${group}" in the running flow`);
    if (state.members.length > 0)
      throw new Error(`Offsets of group ${group} can only be reset while it has no members: crash or remove its consumers and wait for their session timeout, as Kafka requires.`);
    return this.input({ type: 'reset-offsets', group, target });
  }

  /**
   * Saves an edit; one that changes what runs becomes an input (or the new base before the first step).
   * The flow record is stored in the same transaction as the branch that records the edit, or not at all.
   */
  async updateFlow(flow: FlowDocument): Promise<{ recorded: boolean; codeErrors: Record<string, string> }> {
    const codeErrors = handlerCodeErrors(flow, this.code);
    const record = this.flowRecord(flow, this.code.isTrusted, true);
    const unchanged = 'The stored flow and its run are unchanged.';
    const branch = this.branch;
    const before = latestFlow(branch);
    if (!affectsRun(before, flow)) {
      try {
        await this.store?.saveFlow(record);
      } catch (error) {
        throw notDone('Not saved', error, unchanged);
      }
      this.flowSaved(record);
      return { recorded: false, codeErrors };
    }
    if (branch.head === 0 && branch.parentId === null && branch.inputs.length === 0) {
      // Nothing has run yet: the edit simply becomes the run's starting point.
      const run = this.newRun({ baseFlow: flow, inputs: [], head: 0 });
      await this.persister.flush();
      try {
        await this.store?.commit({ flow: record, branch: { ...branch, baseFlow: flow } });
      } catch (error) {
        throw notDone('Not saved', error, unchanged);
      }
      branch.baseFlow = flow;
      this.runs.set(branch.id, run);
      this.flowSaved(record);
      this.pushFrame();
      return { recorded: false, codeErrors };
    }
    const previous = this.flow;
    this.flow = flow;
    this.persister.saveFlow(record);
    this.input({ type: 'flow', flow, summary: summarizeFlowChange(before, flow) });
    // Reply only once the input is stored, so a reload right after the reply replays it.
    const failed = await this.persister.flush();
    if (failed) {
      // The run went back to its stored head without the edit (storageFailed said so); the flow goes back too.
      this.flow = previous;
      throw notDone('Not saved', failed, unchanged);
    }
    this.flowSaved(record);
    return { recorded: true, codeErrors };
  }

  /** The flow's stored record at the next revision, with its trust and whether the person edited it. */
  private flowRecord(flow: FlowDocument, trusted: boolean, edited: boolean): FlowRecord {
    return { id: FLOW_ID, flow, savedAt: Date.now(), revision: this.flowRevision + 1, trusted, edited };
  }

  /** A flow record has been stored: the session now stands where it says. */
  private flowSaved(record: FlowRecord): void {
    this.flow = record.flow;
    this.edited = record.edited === true;
    this.flowRevision = record.revision ?? this.flowRevision;
  }

  /** The stored flow and its revision; null when this tab does not save. */
  storedFlow(): StoredFlow | null {
    return this.store ? { flowId: FLOW_ID, revision: this.flowRevision } : null;
  }

  // ---- time travel ----

  /** Moves the cursor; loads the nearest stored snapshot first when memory has none closer. */
  async seek(target: number): Promise<void> {
    if (target > 0) this.requireTrust('Moving through the run');
    this.player.pause();
    const run = this.run;
    const goal = Math.max(0, Math.min(target, run.head));
    await this.loadSnapshotNear(run, this.branch, goal, run.cursor);
    run.seek(goal);
    this.recent = await this.rowsBefore(run.cursor, LIVE_ROWS);
    this.pushFrame();
  }

  /** Adds the nearest stored snapshot to the run when replay from `from` (or from memory's nearest) would be longer than one interval. */
  private async loadSnapshotNear(run: BranchRun, branch: BranchRecord, goal: number, from: number): Promise<void> {
    const inMemory = run.snapshotBefore(goal);
    const distance = goal >= from && from >= inMemory ? goal - from : goal - inMemory;
    if (distance <= SNAPSHOT_EVERY) return;
    const stored = await this.storedSnapshot(branch, goal);
    if (stored && stored.step > inMemory) run.addSnapshot(stored.step, stored.snapshot);
  }

  private async storedSnapshot(branch: BranchRecord, step: number): Promise<SnapshotRecord | undefined> {
    if (!this.store) return undefined;
    const owner = ownerOf(this.branches, branch, step);
    const own = await this.store.latestSnapshot(owner.id, step);
    if (own || owner.parentId === null) return own;
    const parent = this.branches.get(owner.parentId);
    return parent ? this.storedSnapshot(parent, Math.min(step, owner.forkStep)) : undefined;
  }

  /** Forks at the cursor. The child is built first and stored in one transaction; only then is it current. */
  async fork(name: string): Promise<void> {
    this.requireTrust('Forking');
    this.player.pause();
    const advice = 'Free some space (delete a branch), then fork again.';
    // The fork names steps of its parent that storage must hold.
    const failed = await this.persister.flush();
    if (failed) throw this.refused(notDone('Not forked', failed, advice));
    const parent = this.branch;
    const run = this.run;
    const at = run.cursor;
    const child: BranchRecord = {
      id: newId(),
      flowId: FLOW_ID,
      name,
      parentId: parent.id,
      forkStep: at,
      baseFlow: parent.baseFlow,
      inputs: parent.inputs.filter((i) => i.step < at),
      head: at,
      createdOrder: Math.max(...[...this.branches.values()].map((b) => b.createdOrder ?? 0)) + 1,
      markers: {},
      bookmarks: bookmarksUpTo(parent.bookmarks ?? [], at),
    };
    const inherited = inheritMarkers(parent.markers ?? {}, at);
    child.markers = inherited.index;
    for (const { kind, from } of inherited.recount) {
      const list = inherited.index[kind];
      if (list) await scanSteps(this.reader(parent), from, at, 'forward', (record) => (markerKindOf(record) === kind && list.total++, false));
    }
    const snapshots = new Map([...run.snapshots].filter(([step]) => step <= at));
    const childRun = this.newRun(child, snapshots);
    childRun.seek(at);
    childRun.keepSnapshot();
    const taken = childRun.takeUnsavedSnapshots().map(({ step, snapshot }) => ({ branchId: child.id, step, snapshot }));
    try {
      await this.store?.commit({ branch: child, snapshots: taken, meta: { currentBranchId: child.id } });
    } catch (error) {
      throw this.refused(notDone('Not forked', error, advice));
    }
    this.branches.set(child.id, child);
    this.runs.set(child.id, childRun);
    this.branchId = child.id;
    this.pushFrame();
  }

  /** The flow document to show for the current branch: its latest flow with the canvas layout kept. */
  branchFlow(): FlowDocument {
    const flow = latestFlow(this.branch);
    return this.flow ? { ...flow, name: this.flow.name, layout: { ...flow.layout, ...this.flow.layout } } : flow;
  }

  /** Makes another branch current: its run is brought to its head first, then the choice is stored, then shown. */
  async switchBranch(branchId: string): Promise<void> {
    const target = this.branchOf(branchId);
    this.requireTrust('Switching branches');
    this.player.pause();
    await this.persister.flush();
    await this.prepare(target);
    try {
      await this.store?.setMeta('currentBranchId', branchId);
    } catch (error) {
      throw this.refused(notDone('Not switched', error, `You are still on branch "${this.branch.name}".`));
    }
    await this.activate(branchId);
    this.flow = this.branchFlow();
  }

  /** Brings a branch's run to its head without making it current: what can fail when switching to it fails here. */
  private async prepare(branch: BranchRecord): Promise<void> {
    const run = this.runOf(branch);
    await this.loadSnapshotNear(run, branch, branch.head, run.cursor);
    run.seek(branch.head);
  }

  /** Deletes a branch and everything stored for it; the root and a branch with forks are refused. Resolves true when it was current. */
  async deleteBranch(branchId: string): Promise<boolean> {
    const branch = this.branchOf(branchId);
    if (branch.parentId === null) throw new Error(`Branch ${branch.name} is where the run began and cannot be deleted (Reset run starts over).`);
    const forks = [...this.branches.values()].filter((b) => b.parentId === branchId).map((b) => b.name);
    if (forks.length > 0) throw new Error(`Branch ${branch.name} has forks (${forks.join(', ')}): delete them first.`);
    const current = branchId === this.branchId;
    if (current) this.requireTrust('Deleting the current branch');
    const parentId = branch.parentId;
    this.player.pause();
    await this.persister.flush();
    if (current) await this.prepare(this.branchOf(parentId));
    // Stored first: if that fails, the branch is still whole in memory and in storage. Only deletes
    // (and the current branch when it changes): freeing space must work on a full disk.
    try {
      await this.store?.deleteBranch(branchId, current ? { currentBranchId: parentId } : undefined);
    } catch (error) {
      throw this.refused(notDone('Not deleted', error, `Branch "${branch.name}" is still stored.`));
    }
    this.persister.forgetBranch(branchId);
    this.branches.delete(branchId);
    this.runs.delete(branchId);
    if (current) {
      await this.activate(parentId);
      this.flow = this.branchFlow();
    }
    return current;
  }

  // ---- debugging ----

  /** A branch by id (the current one when none is given); an unknown id throws. */
  branchOf(branchId: string = this.branchId): BranchRecord {
    const branch = this.branches.get(branchId);
    if (!branch) throw new Error(`no branch with id ${branchId}`);
    return branch;
  }

  /** The state and flow at a timeline position of a branch, from a scratch copy: no cursor moves. */
  async peek(branch: BranchRecord, step: number): Promise<ReturnType<BranchRun['peek']>> {
    this.requireTrust('Showing a state at a step');
    if (!Number.isInteger(step) || step < 0 || step > branch.head) throw new Error(`Step ${step} is not on branch ${branch.name}: it has steps 0 to ${branch.head}.`);
    const run = this.runOf(branch);
    await this.loadSnapshotNear(run, branch, step, -1);
    return run.peek(step);
  }

  /** Changes the current branch's bookmarks; resolves once they are stored, with a copy of them. */
  async changeBookmarks(change: (list: readonly BookmarkRecord[]) => BookmarkRecord[]): Promise<BookmarkRecord[]> {
    const branch = this.branch;
    branch.bookmarks = change(branch.bookmarks ?? []);
    this.markersRevision++;
    this.persister.saveBranch(branch);
    // A failed write put the bookmarks back as stored (storageFailed).
    const failed = await this.persister.flush();
    if (failed) throw notDone('Not saved', failed, 'The bookmarks are as they were.');
    this.pushMarkers();
    return branch.bookmarks.map((b) => ({ ...b }));
  }

  // ---- log rows ----

  /** Rows [from, from + count) of a branch (the current one by default), read from memory or from stored segments. */
  async rows(from: number, count: number, branch: BranchRecord = this.branch): Promise<StepRecord[]> {
    const end = Math.min(branch.head, from + count);
    const out: StepRecord[] = [];
    for (let step = Math.max(0, from); step < end; step++) {
      const owner = ownerOf(this.branches, branch, step);
      let record = this.persister.cached(owner.id, owner.forkStep, step);
      if (!record && this.store) {
        const first = segmentStart(step, owner.forkStep);
        const segment = await this.store.getSegment(owner.id, first);
        if (segment) this.persister.remember(segment);
        record = segment?.records[step - first];
      }
      if (record) out.push(record);
    }
    return out;
  }

  private rowsBefore(step: number, count: number): Promise<StepRecord[]> {
    return this.rows(Math.max(0, step - count), Math.min(step, count));
  }

  reader(branch: BranchRecord): RowReader {
    return (from, count) => this.rows(from, count, branch);
  }

  // ---- frames ----

  frame(): Frame {
    return buildFrame(this.run, this.flow ?? this.run.flow, this.branchId, this.player.playing, this.player.speed, this.recent);
  }

  pushFrame(): void {
    if (!this.flow) return;
    this.lastFrame = performance.now();
    this.framesUnshown++;
    this.pushMarkers();
    this.post({ kind: 'frame', frame: this.frame() });
  }

  /** The UI drew a frame (a frame posted before a worker restart may be acknowledged late, hence the floor). */
  frameShown(): void {
    this.framesUnshown = Math.max(0, this.framesUnshown - 1);
  }

  /** Sends the current branch's markers and bookmarks when they changed since last sent (or always, when forced). */
  pushMarkers(force = false): void {
    if (!this.flow || !this.branches.has(this.branchId)) return;
    const key = `${this.branchId}#${this.markersRevision}`;
    const now = performance.now();
    const sent = this.sentMarkers;
    if (!force && (key === sent.key || (this.player.playing && sent.branchId === this.branchId && now - sent.at < MARKERS_MS))) return;
    this.sentMarkers = { key, branchId: this.branchId, at: now };
    const branch = this.branch;
    this.post({ kind: 'markers', markers: timelineMarkers(branch.id, branch.markers ?? {}, branch.bookmarks ?? []) });
  }

  private maybeFrame(): void {
    if (this.framesUnshown === 0 && performance.now() - this.lastFrame >= FRAME_MS) this.pushFrame();
  }
}
