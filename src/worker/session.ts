import { deciderCodeProblem } from '../engine/nodes/aggregate';
import type { ResetTarget } from '../engine/brokers/kafka';
import { affectsRun, BranchRun, compileHandler, markerKindOf, summarizeFlowChange, type RunInput, type SnapshotError, type StepRecord } from '../engine';
import { hasHandlerCode, type FlowDocument } from '../flow';
import { getOwn, setOwn } from '../lib/ownRecord';
import { LIVE_ROWS, type Speed, type BranchInfo, type EngineNotice, type EngineToUi, type Frame } from '../protocol';
import { SEGMENT_SIZE, segmentStart, type BookmarkRecord, type BranchRecord, type SnapshotRecord, type StorageError, type TidemarkStore } from '../storage';
import { bookmarksUpTo } from './bookmarks';
import { ownerOf } from './branchTree';
import { buildFrame } from './frames';
import { indexStep, inheritMarkers, timelineMarkers, trimMarkers } from './markerIndex';
import { Persister } from './persister';
import { Player } from './player';
import { scanSteps, type RowReader } from './stepSearch';

export const FLOW_ID = 'current';
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

/** Why each handler that does not compile fails (such a node fails every delivery). */
export function handlerCodeErrors(flow: FlowDocument): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const node of flow.nodes) {
    const source = getOwn(flow.code, node.id);
    if (!hasHandlerCode(node.kind) || source === undefined) continue;
    if (node.kind === 'aggregate') {
      const problem = deciderCodeProblem(source);
      if (problem !== undefined) setOwn(errors, node.id, problem);
      continue;
    }
    const compiled = compileHandler(source);
    if (!compiled.ok) setOwn(errors, node.id, compiled.error);
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
  private recent: StepRecord[] = [];
  private lastFrame = 0;
  /** Frames sent and not yet shown by the UI; while one is out, a playing run sends no other. */
  private framesUnshown = 0;
  /** Bumped when the current branch's markers or bookmarks change; pushFrame sends them when it moved. */
  private markersRevision = 0;
  private sentMarkers = { key: '', branchId: '', at: 0 };
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
    const branches = await this.store.getBranches(FLOW_ID);
    if (branches.length === 0) return;
    this.flow = loaded.record.flow;
    for (const b of branches) this.branches.set(b.id, b);
    for (const b of branches) await this.loadMarkers(b);
    const current = await this.store.getMeta('currentBranchId');
    this.branchId = typeof current === 'string' && this.branches.has(current) ? current : branches[0]!.id;
    await this.activate(this.branchId);
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
  }

  /** The branch's run, built (at step 0, cursor unmoved elsewhere) the first time it is needed. */
  private runOf(branch: BranchRecord): BranchRun {
    let run = this.runs.get(branch.id);
    if (!run) {
      run = new BranchRun({ baseFlow: branch.baseFlow, inputs: branch.inputs, head: branch.head, snapshotEvery: SNAPSHOT_EVERY, persistEvery: PERSIST_EVERY, ...this.snapshotWindow() });
      this.runs.set(branch.id, run);
    }
    return run;
  }

  /** With storage, memory keeps a window of snapshots and the rest are read back; without, memory keeps them all. */
  private snapshotWindow(): { keepInMemory?: number } {
    return this.store ? { keepInMemory: SNAPSHOTS_IN_MEMORY } : {};
  }

  /** Starts over: one empty main branch for `flow`; everything recorded for the old flow is deleted. */
  async startFresh(flow: FlowDocument): Promise<void> {
    this.player.pause();
    await this.persister.flush();
    for (const id of this.branches.keys()) this.persister.forgetBranch(id);
    this.branches.clear();
    this.runs.clear();
    this.flow = flow;
    const main: BranchRecord = { id: newId(), flowId: FLOW_ID, name: 'main', parentId: null, forkStep: 0, baseFlow: flow, inputs: [], head: 0, createdOrder: 0, markers: {}, bookmarks: [] };
    await this.store?.deleteFlowRun(FLOW_ID);
    await this.store?.commit({ branch: main, meta: { currentBranchId: main.id } });
    await this.store?.saveFlow({ id: FLOW_ID, flow, savedAt: Date.now() });
    this.branches.set(main.id, main);
    this.recent = [];
    await this.activate(main.id);
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

  private storageFailed(error: StorageError): void {
    this.player.pause();
    this.notify({ level: 'error', message: error.message });
    this.pushFrame();
  }

  async step(): Promise<void> {
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
    return this.input({ type: 'publish', producer, data });
  }

  sendCommand(node: string, data: unknown): number {
    return this.input({ type: 'command', node, data });
  }

  rebuild(node: string): number {
    return this.input({ type: 'rebuild', node });
  }

  /** Publishes events by hand as consecutive inputs (an import); the steps of the first and the last. */
  publishMany(producer: string, events: readonly unknown[]): { first: number; last: number } {
    const steps = this.inputs(events.map((data) => ({ type: 'publish', producer, data })));
    return { first: steps[0] ?? this.run.head, last: steps[steps.length - 1] ?? this.run.head };
  }

  controlConsumer(node: string, action: 'crash' | 'restart'): number {
    return this.input({ type: 'consumer', node, action });
  }

  /** A reset the group would refuse (it has members) is reported, not recorded. */
  resetOffsets(group: string, target: ResetTarget): number {
    const state = getOwn(this.run.state.kafka.groups, group);
    if (!state) throw new Error(`no consumer group "${group}" in the running flow`);
    if (state.members.length > 0)
      throw new Error(`Offsets of group ${group} can only be reset while it has no members: crash or remove its consumers and wait for their session timeout, as Kafka requires.`);
    return this.input({ type: 'reset-offsets', group, target });
  }

  /** Saves an edit; one that changes what runs becomes an input (or the new base before the first step). */
  async updateFlow(flow: FlowDocument): Promise<{ recorded: boolean; codeErrors: Record<string, string> }> {
    const codeErrors = handlerCodeErrors(flow);
    this.flow = flow;
    await this.store?.saveFlow({ id: FLOW_ID, flow, savedAt: Date.now() });
    const branch = this.branch;
    const before = latestFlow(branch);
    if (!affectsRun(before, flow)) return { recorded: false, codeErrors };
    if (branch.head === 0 && branch.parentId === null && branch.inputs.length === 0) {
      // Nothing has run yet: the edit simply becomes the run's starting point.
      branch.baseFlow = flow;
      this.runs.set(branch.id, new BranchRun({ baseFlow: flow, inputs: [], head: 0, snapshotEvery: SNAPSHOT_EVERY, persistEvery: PERSIST_EVERY, ...this.snapshotWindow() }));
      this.persister.saveBranch(branch);
      this.pushFrame();
      return { recorded: false, codeErrors };
    }
    this.input({ type: 'flow', flow, summary: summarizeFlowChange(before, flow) });
    // Reply only once the input is stored, so a reload right after the reply replays it.
    await this.persister.flush();
    return { recorded: true, codeErrors };
  }

  // ---- time travel ----

  /** Moves the cursor; loads the nearest stored snapshot first when memory has none closer. */
  async seek(target: number): Promise<void> {
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

  async fork(name: string): Promise<void> {
    this.player.pause();
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
    const childRun = new BranchRun({ baseFlow: child.baseFlow, inputs: child.inputs, head: at, snapshotEvery: SNAPSHOT_EVERY, persistEvery: PERSIST_EVERY, snapshots, ...this.snapshotWindow() });
    childRun.seek(at);
    childRun.keepSnapshot();
    this.branches.set(child.id, child);
    this.runs.set(child.id, childRun);
    this.branchId = child.id;
    await this.persister.flush();
    const taken = childRun.takeUnsavedSnapshots().map(({ step, snapshot }) => ({ branchId: child.id, step, snapshot }));
    await this.store?.commit({ branch: child, snapshots: taken, meta: { currentBranchId: child.id } });
    this.pushFrame();
  }

  /** The flow document to show for the current branch: its latest flow with the canvas layout kept. */
  branchFlow(): FlowDocument {
    const flow = latestFlow(this.branch);
    return this.flow ? { ...flow, name: this.flow.name, layout: { ...flow.layout, ...this.flow.layout } } : flow;
  }

  async switchBranch(branchId: string): Promise<void> {
    if (!this.branches.has(branchId)) throw new Error(`no branch with id ${branchId}`);
    this.player.pause();
    await this.persister.flush();
    await this.activate(branchId);
    this.flow = this.branchFlow();
    await this.store?.setMeta('currentBranchId', branchId);
  }

  /** Deletes a branch and everything stored for it; the root and a branch with forks are refused. Resolves true when it was current. */
  async deleteBranch(branchId: string): Promise<boolean> {
    const branch = this.branchOf(branchId);
    if (branch.parentId === null) throw new Error(`Branch ${branch.name} is where the run began and cannot be deleted (Reset run starts over).`);
    const forks = [...this.branches.values()].filter((b) => b.parentId === branchId).map((b) => b.name);
    if (forks.length > 0) throw new Error(`Branch ${branch.name} has forks (${forks.join(', ')}): delete them first.`);
    const current = branchId === this.branchId;
    const parentId = branch.parentId;
    this.player.pause();
    await this.persister.flush();
    // Stored first: if that fails, the branch is still whole in memory and in storage.
    await this.store?.deleteBranch(branchId, { currentBranchId: current ? parentId : this.branchId });
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
    await this.persister.flush();
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
