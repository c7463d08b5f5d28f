import type { StepRecord } from '../../engine';
import { LIVE_ROWS, type EngineToUi, type Frame, type Speed } from '../../protocol';
import { buildFrame } from '../frames';
import { timelineMarkers } from '../markerIndex';
import type { Timers } from '../timers';
import type { OpenFlow } from './openFlow';

const FRAME_MS = 33;
/** While playing, markers go out at most this often (a run full of failures changes them every step); a pause sends them at once. */
const MARKERS_MS = 250;

/** What the frames read of the player. */
export interface PlayState {
  readonly playing: boolean;
  readonly speed: Speed;
}

/**
 * Sends frames and timeline markers to the UI: at most one frame every FRAME_MS while playing, and
 * none while the last one is unshown, so frames never queue up behind a busy UI thread.
 */
export class FramePacing {
  /** The newest rows, for the frame's live log. */
  private recent: StepRecord[] = [];
  private lastFrame = 0;
  /** Frames sent and not yet shown by the UI; while one is out, a playing run sends no other. */
  private framesUnshown = 0;
  /** Bumped when the current branch's markers or bookmarks change; pushFrame sends them when it moved. */
  private markersRevision = 0;
  private sentMarkers = { key: '', branchId: '', at: 0 };

  constructor(
    private readonly open: OpenFlow,
    private readonly player: PlayState,
    private readonly post: (message: EngineToUi) => void,
    private readonly timers: Timers,
  ) {}

  frame(): Frame {
    const run = this.open.run;
    return buildFrame(
      run,
      this.open.flow ?? run.flow,
      this.open.branchId,
      this.player.playing,
      this.player.speed,
      this.recent,
    );
  }

  pushFrame(): void {
    if (!this.open.flow) return;
    this.lastFrame = this.timers.now();
    this.framesUnshown++;
    this.pushMarkers();
    this.post({ kind: 'frame', frame: this.frame() });
  }

  /** The UI drew a frame (a frame posted before a worker restart may be acknowledged late, hence the floor). */
  frameShown(): void {
    this.framesUnshown = Math.max(0, this.framesUnshown - 1);
  }

  /** After a slice of a playing run: a frame when the last one was shown and FRAME_MS have passed. */
  maybeFrame(): void {
    if (this.framesUnshown === 0 && this.timers.now() - this.lastFrame >= FRAME_MS) this.pushFrame();
  }

  /** A change was refused after the run was paused for it: the UI is shown the paused run, as it stands. */
  refused(error: unknown): unknown {
    this.pushFrame();
    return error;
  }

  /** The rows the next frames show, in place of those shown so far (after a seek or a new run). */
  showRows(rows: StepRecord[]): void {
    this.recent = rows;
  }

  /** A step ran: its row joins the newest rows. */
  addRow(record: StepRecord): void {
    this.recent.push(record);
    if (this.recent.length > LIVE_ROWS * 4) this.recent = this.recent.slice(-LIVE_ROWS);
  }

  /** The current branch's markers or bookmarks changed: the next pushMarkers sends them. */
  markersChanged(): void {
    this.markersRevision++;
  }

  /** Sends the current branch's markers and bookmarks when they changed since last sent (or always, when forced). */
  pushMarkers(force = false): void {
    if (!this.open.flow || !this.open.branches.has(this.open.branchId)) return;
    const branchId = this.open.branchId;
    const key = `${branchId}#${this.markersRevision}`;
    const now = this.timers.now();
    const sent = this.sentMarkers;
    if (
      !force &&
      (key === sent.key || (this.player.playing && sent.branchId === branchId && now - sent.at < MARKERS_MS))
    )
      return;
    this.sentMarkers = { key, branchId, at: now };
    const branch = this.open.branch;
    this.post({ kind: 'markers', markers: timelineMarkers(branch.id, branch.markers ?? {}, branch.bookmarks ?? []) });
  }
}
