import { markerKindOf } from '../../engine';
import type { BranchRun } from '../../run';
import { LIVE_ROWS } from '../../protocol';
import { segmentStart, type BranchRecord, type SnapshotRecord } from '../../storage';
import { bookmarksUpTo } from '../bookmarks';
import { ownerOf } from '../branchTree';
import { inheritMarkers } from '../markerIndex';
import type { Persister } from '../persister';
import type { Player } from '../player';
import { scanSteps } from '../stepSearch';
import { notDone } from '../storageNotices';
import type { FramePacing } from './framePacing';
import type { LogRows } from './logRows';
import { FLOW_ID, SNAPSHOT_EVERY, type OpenFlow } from './openFlow';

const newId = (): string => crypto.randomUUID();

/** Moving through a run and between branches: seek, fork, switch and delete, each from the nearest snapshot. */
export class TimeTravel {
  constructor(
    private readonly open: OpenFlow,
    private readonly persister: Persister,
    private readonly player: Player,
    private readonly log: LogRows,
    private readonly frames: FramePacing,
  ) {}

  /** Moves the cursor; loads the nearest stored snapshot first when memory has none closer. */
  async seek(target: number): Promise<void> {
    if (target > 0) this.open.requireTrust('Moving through the run');
    this.player.pause();
    const run = this.open.run;
    const goal = Math.max(0, Math.min(target, run.head));
    await this.loadSnapshotNear(run, this.open.branch, goal, run.cursor);
    run.seek(goal);
    this.frames.showRows(await this.log.rowsBefore(run.cursor, LIVE_ROWS));
    this.frames.pushFrame();
  }

  /** Adds the nearest stored snapshot to the run when replay from `from` (or from memory's nearest) would be longer than one interval. */
  async loadSnapshotNear(run: BranchRun, branch: BranchRecord, goal: number, from: number): Promise<void> {
    const inMemory = run.snapshotBefore(goal);
    const distance = goal >= from && from >= inMemory ? goal - from : goal - inMemory;
    if (distance <= SNAPSHOT_EVERY) return;
    const stored = await this.storedSnapshot(branch, goal);
    if (stored && stored.step > inMemory) run.addSnapshot(stored.step, stored.snapshot);
  }

  private async storedSnapshot(branch: BranchRecord, step: number): Promise<SnapshotRecord | undefined> {
    const store = this.open.store;
    if (!store) return undefined;
    const owner = ownerOf(this.open.branches, branch, step);
    const own = await store.latestSnapshot(owner.id, step);
    if (own || owner.parentId === null) return own;
    const parent = this.open.branches.get(owner.parentId);
    return parent ? this.storedSnapshot(parent, Math.min(step, owner.forkStep)) : undefined;
  }

  /** Makes a branch current, building its run from the nearest stored snapshot and replaying to the head. */
  async activate(branchId: string): Promise<void> {
    this.open.branchId = branchId;
    await this.seek(this.open.runOf(this.open.branch).head);
    await this.keepHeadSegment(this.open.branch);
  }

  /** Hands the persister the stored start of the segment the head is in: the next fresh step continues it. */
  private async keepHeadSegment(branch: BranchRecord): Promise<void> {
    const first = segmentStart(branch.head, branch.forkStep);
    const steps = branch.head - first;
    if (!this.open.store || steps === 0 || this.persister.holdsSegment(branch.id, first, steps)) return;
    const records = await this.log.rows(first, steps, branch);
    if (records.length === steps) this.persister.continueSegment(branch.id, first, records);
  }

  /** Forks at the cursor. The child is built first and stored in one transaction; only then is it current. */
  async fork(name: string): Promise<void> {
    const open = this.open;
    open.requireTrust('Forking');
    this.player.pause();
    const advice = 'Free some space (delete a branch), then fork again.';
    // The fork names steps of its parent that storage must hold.
    const failed = await this.persister.flush();
    if (failed) throw this.frames.refused(notDone('Not forked', failed, advice));
    const parent = open.branch;
    const run = open.run;
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
      createdOrder: Math.max(...[...open.branches.values()].map((b) => b.createdOrder ?? 0)) + 1,
      markers: {},
      bookmarks: bookmarksUpTo(parent.bookmarks ?? [], at),
    };
    const inherited = inheritMarkers(parent.markers ?? {}, at);
    child.markers = inherited.index;
    for (const { kind, from } of inherited.recount) {
      const list = inherited.index[kind];
      if (list)
        await scanSteps(
          this.log.reader(parent),
          from,
          at,
          'forward',
          (record) => (markerKindOf(record) === kind && list.total++, false),
        );
    }
    const snapshots = new Map([...run.snapshots].filter(([step]) => step <= at));
    const childRun = open.newRun(child, snapshots);
    childRun.seek(at);
    childRun.keepSnapshot();
    const taken = childRun.takeUnsavedSnapshots().map(({ step, snapshot }) => ({ branchId: child.id, step, snapshot }));
    try {
      await open.store?.commit({ branch: child, snapshots: taken, meta: { currentBranchId: child.id } });
    } catch (error) {
      throw this.frames.refused(notDone('Not forked', error, advice));
    }
    open.branches.set(child.id, child);
    open.runs.set(child.id, childRun);
    open.branchId = child.id;
    this.frames.pushFrame();
  }

  /** Makes another branch current: its run is brought to its head first, then the choice is stored, then shown. */
  async switchBranch(branchId: string): Promise<void> {
    const open = this.open;
    const target = open.branchOf(branchId);
    open.requireTrust('Switching branches');
    this.player.pause();
    await this.persister.flush();
    await this.prepare(target);
    try {
      await open.store?.setMeta('currentBranchId', branchId);
    } catch (error) {
      throw this.frames.refused(notDone('Not switched', error, `You are still on branch "${open.branch.name}".`));
    }
    await this.activate(branchId);
    open.flow = open.branchFlow();
  }

  /** Brings a branch's run to its head without making it current: what can fail when switching to it fails here. */
  private async prepare(branch: BranchRecord): Promise<void> {
    const run = this.open.runOf(branch);
    await this.loadSnapshotNear(run, branch, branch.head, run.cursor);
    run.seek(branch.head);
  }

  /** Deletes a branch and everything stored for it; the root and a branch with forks are refused. Resolves true when it was current. */
  async deleteBranch(branchId: string): Promise<boolean> {
    const open = this.open;
    const branch = open.branchOf(branchId);
    if (branch.parentId === null)
      throw new Error(`Branch ${branch.name} is where the run began and cannot be deleted (Reset run starts over).`);
    const forks = [...open.branches.values()].filter((b) => b.parentId === branchId).map((b) => b.name);
    if (forks.length > 0) throw new Error(`Branch ${branch.name} has forks (${forks.join(', ')}): delete them first.`);
    const current = branchId === open.branchId;
    if (current) open.requireTrust('Deleting the current branch');
    const parentId = branch.parentId;
    this.player.pause();
    await this.persister.flush();
    if (current) await this.prepare(open.branchOf(parentId));
    // Stored first: if that fails, the branch is still whole in memory and in storage. Only deletes
    // (and the current branch when it changes): freeing space must work on a full disk.
    try {
      await open.store?.deleteBranch(branchId, current ? { currentBranchId: parentId } : undefined);
    } catch (error) {
      throw this.frames.refused(notDone('Not deleted', error, `Branch "${branch.name}" is still stored.`));
    }
    this.persister.forgetBranch(branchId);
    open.branches.delete(branchId);
    open.runs.delete(branchId);
    if (current) {
      await this.activate(parentId);
      open.flow = open.branchFlow();
    }
    return current;
  }
}
