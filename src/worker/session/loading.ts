import { CodeSandbox } from '../../engine';
import type { BranchRun } from '../../run';
import type { FlowDocument } from '../../flow';
import type { EngineNotice } from '../../protocol';
import type { BranchRecord } from '../../storage';
import { indexStep, trimMarkers } from '../markerIndex';
import type { Persister } from '../persister';
import type { Player } from '../player';
import { scanSteps } from '../stepSearch';
import { notDone } from '../storageNotices';
import type { FramePacing } from './framePacing';
import type { LogRows } from './logRows';
import { FLOW_ID, type OpenFlow } from './openFlow';
import type { TimeTravel } from './timeTravel';

/** Set in storage while a flow's code is evaluated for the first time after loading; found set at start, that evaluation never ended. */
const EVALUATING = 'evaluatingFlow';

const newId = (): string => crypto.randomUUID();

/** Opening a flow: restoring what storage holds, starting over with a new flow, and trusting its code. */
export class Loading {
  constructor(
    private readonly open: OpenFlow,
    private readonly persister: Persister,
    private readonly player: Player,
    private readonly log: LogRows,
    private readonly frames: FramePacing,
    private readonly travel: TimeTravel,
    private readonly notify: (notice: EngineNotice) => void,
  ) {}

  /** Restores what storage holds: the flow, its branches and the current branch at its head. */
  async restore(): Promise<void> {
    const open = this.open;
    const store = open.store;
    if (!store) return;
    const loaded = await store.loadFlow(FLOW_ID);
    if (loaded === null) return;
    if (!loaded.ok) {
      this.notify({
        level: 'error',
        message: `The stored flow is damaged (${loaded.reason}); it was left as it is. Open an example or a file to continue.`,
      });
      return;
    }
    open.flowRevision = loaded.record.revision ?? 0;
    const branches = await store.getBranches(FLOW_ID);
    if (branches.length === 0) return;
    open.flow = loaded.record.flow;
    // A record from before trust was asked for is treated as untrusted: it may have come from anyone.
    let trusted = loaded.record.trusted === true;
    if (trusted && (await store.getMeta(EVALUATING)) === FLOW_ID) {
      trusted = false;
      await store.saveFlow({ ...loaded.record, trusted });
      this.notify({
        level: 'error',
        message: `Tidemark stopped last time while running "${loaded.record.flow.name}"'s code as the flow loaded (it may never return). The flow was opened in restricted mode, its run not replayed: review its code, fix it, then trust it again.`,
      });
    }
    open.code = new CodeSandbox({ trusted });
    open.edited = loaded.record.edited === true;
    for (const b of branches) open.branches.set(b.id, b);
    for (const b of branches) await this.loadMarkers(b);
    const current = await store.getMeta('currentBranchId');
    open.branchId = typeof current === 'string' && open.branches.has(current) ? current : branches[0]!.id;
    // Untrusted, the run stays at step 0: replaying it would run its code.
    if (trusted) await this.evaluating(() => this.travel.activate(open.branchId));
    else open.runOf(open.branch);
  }

  /**
   * Runs the first evaluation of a flow's code with a mark in storage, so a worker that never comes
   * back is noticed at the next start: `work` (a replay), then every handler's compile, whose top
   * level runs too (later requests find them compiled).
   */
  private async evaluating(work: () => Promise<void>): Promise<void> {
    await this.open.store?.setMeta(EVALUATING, FLOW_ID);
    try {
      await work();
      this.open.codeErrors();
    } finally {
      // Reached after a throw too: only a hang leaves the mark.
      await this.open.store?.setMeta(EVALUATING, null);
    }
  }

  /** The person trusts the open flow's code: it is compiled and its run replayed to the head. */
  async trust(): Promise<void> {
    const open = this.open;
    if (open.code.isTrusted || !open.flow) return;
    // Stored first: if storage refuses, the flow stays untrusted here as there.
    const record = open.flowRecord(open.flow, true, open.edited);
    await open.store?.saveFlow(record);
    open.code.trust();
    open.flowSaved(record);
    await this.evaluating(() => this.travel.activate(open.branchId));
  }

  /** Markers as stored, trimmed to the stored head; a record from before markers existed gets them from its log, once. */
  private async loadMarkers(branch: BranchRecord): Promise<void> {
    branch.bookmarks ??= [];
    if (branch.markers) {
      branch.markers = trimMarkers(branch.markers, branch.head);
      return;
    }
    const markers = {};
    await scanSteps(
      this.log.reader(branch),
      0,
      branch.head,
      'forward',
      (record) => (indexStep(markers, record), false),
    );
    branch.markers = markers;
    await this.open.store?.putBranch(branch);
  }

  /**
   * Starts over (opening a flow, or Reset run): one empty main branch for `flow` in place of everything
   * recorded for the old flow. The new run is built first, where a flow the engine cannot start
   * throws, then stored in one transaction; only once that has committed does the session let go of
   * the old run, so a refusal (a full quota) leaves storage and the session as they were. Nothing of
   * the flow's code runs here; `trusted` says whether it may from now on.
   */
  async startFresh(
    flow: FlowDocument,
    options: { readonly trusted: boolean; readonly edited?: boolean; readonly change?: 'open' | 'reset' },
  ): Promise<void> {
    const open = this.open;
    const { trusted, edited = false, change = 'open' } = options;
    this.player.pause();
    // The old run's last steps are stored first: if the new one is refused, the old one is whole.
    await this.persister.flush();
    const action = change === 'open' ? 'Not opened' : 'Not reset';
    const unchanged = open.flow
      ? `Your flow "${open.flow.name}" and its run are unchanged.`
      : 'Nothing stored was changed.';
    const main: BranchRecord = {
      id: newId(),
      flowId: FLOW_ID,
      name: 'main',
      parentId: null,
      forkStep: 0,
      baseFlow: flow,
      inputs: [],
      head: 0,
      createdOrder: 0,
      markers: {},
      bookmarks: [],
    };
    const code = new CodeSandbox({ trusted });
    const record = open.flowRecord(flow, trusted, edited);
    let run: BranchRun;
    try {
      run = open.newRun(main, undefined, code);
    } catch (error) {
      throw this.frames.refused(
        new Error(`${action}: the engine could not start this flow (${(error as Error).message}). ${unchanged}`, {
          cause: error,
        }),
      );
    }
    try {
      await open.store?.replaceRun({ flow: record, branch: main, meta: { currentBranchId: main.id } });
    } catch (error) {
      throw this.frames.refused(notDone(action, error, unchanged));
    }
    for (const id of open.branches.keys()) this.persister.forgetBranch(id);
    open.branches.clear();
    open.runs.clear();
    open.code = code;
    open.flowSaved(record);
    open.branches.set(main.id, main);
    open.runs.set(main.id, run);
    this.frames.showRows([]);
    await this.travel.activate(main.id);
  }
}
