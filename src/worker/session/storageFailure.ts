import type { StorageError } from '../../storage';
import { LIVE_ROWS, type EngineNotice } from '../../protocol';
import { segmentStart } from '../../storage';
import { trimMarkers } from '../markerIndex';
import type { Persister } from '../persister';
import type { Player } from '../player';
import { discardedNotice, storageProblem } from '../storageNotices';
import type { FramePacing } from './framePacing';
import type { LogRows } from './logRows';
import type { OpenFlow } from './openFlow';
import type { TimeTravel } from './timeTravel';

/**
 * A write failed (a full quota): the run pauses and goes back to its last stored step, dropping the
 * steps, snapshots and inputs storage does not have, so what is shown is what a reload shows; the
 * person is told which steps were discarded. Nothing stored is touched. Play goes on from there.
 */
export class StorageFailure {
  constructor(
    private readonly open: OpenFlow,
    private readonly persister: Persister,
    private readonly player: Player,
    private readonly log: LogRows,
    private readonly frames: FramePacing,
    private readonly travel: TimeTravel,
    private readonly notify: (notice: EngineNotice) => void,
  ) {}

  async backToStoredHead(error: StorageError): Promise<void> {
    this.player.pause();
    const branch = this.open.branch;
    const run = this.open.run;
    try {
      const stored = await this.open.store?.getBranch(branch.id);
      if (!stored) throw new Error(`branch ${branch.name} is not stored`);
      const head = stored.head;
      const first = segmentStart(head, branch.forkStep);
      const headSegment = { firstStep: first, records: await this.log.rows(first, head - first, branch) };
      if (run.cursor > head) await this.travel.loadSnapshotNear(run, branch, head, run.cursor);
      const storedSteps = new Set(stored.inputs.map((i) => i.step));
      const work = { storedHead: head, head: run.head, inputs: run.inputs.filter((i) => !storedSteps.has(i.step)) };
      // Nothing awaits from here on: no request sees the branch half way back.
      run.truncate(head, stored.inputs);
      branch.head = head;
      branch.inputs = run.inputs;
      branch.markers = trimMarkers(stored.markers ?? branch.markers ?? {}, head);
      branch.bookmarks = stored.bookmarks ?? [];
      this.frames.markersChanged();
      this.persister.discardUnstored(branch.id, headSegment.records.length === head - first ? headSegment : undefined);
      this.notify({ level: 'error', message: discardedNotice(error, { ...work, cursor: run.cursor }) });
      this.frames.showRows(await this.log.rowsBefore(run.cursor, LIVE_ROWS));
    } catch (cause) {
      // Without the stored head the run cannot be put back: it waits, unsaved steps kept, for Play to retry.
      this.notify({
        level: 'error',
        message: `${storageProblem(error)}: the run was paused, and what is stored could not be read back (${(cause as Error).message}). Nothing stored was changed.`,
      });
    }
    this.frames.pushFrame();
  }
}
