import type { BranchRun } from '../../run';
import type { BookmarkRecord, BranchRecord } from '../../storage';
import type { Persister } from '../persister';
import { notDone } from '../storageNotices';
import type { FramePacing } from './framePacing';
import type { OpenFlow } from './openFlow';
import type { TimeTravel } from './timeTravel';

/** What the debugger asks that is not a move: a state at a step without moving the cursor, and bookmarks. */
export class Debugging {
  constructor(
    private readonly open: OpenFlow,
    private readonly persister: Persister,
    private readonly travel: TimeTravel,
    private readonly frames: FramePacing,
  ) {}

  /** The state and flow at a timeline position of a branch, from a scratch copy: no cursor moves. */
  async peek(branch: BranchRecord, step: number): Promise<ReturnType<BranchRun['peek']>> {
    this.open.requireTrust('Showing a state at a step');
    if (!Number.isInteger(step) || step < 0 || step > branch.head)
      throw new Error(`Step ${step} is not on branch ${branch.name}: it has steps 0 to ${branch.head}.`);
    const run = this.open.runOf(branch);
    await this.travel.loadSnapshotNear(run, branch, step, -1);
    return run.peek(step);
  }

  /** Changes the current branch's bookmarks; resolves once they are stored, with a copy of them. */
  async changeBookmarks(change: (list: readonly BookmarkRecord[]) => BookmarkRecord[]): Promise<BookmarkRecord[]> {
    const branch = this.open.branch;
    branch.bookmarks = change(branch.bookmarks ?? []);
    this.frames.markersChanged();
    this.persister.saveBranch(branch);
    // A failed write put the bookmarks back as stored (StorageFailure).
    const failed = await this.persister.flush();
    if (failed) throw notDone('Not saved', failed, 'The bookmarks are as they were.');
    this.frames.pushMarkers();
    return branch.bookmarks.map((b) => ({ ...b }));
  }
}
