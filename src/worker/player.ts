import { Speed } from '../protocol';
import type { Timers } from './timers';

/** One slice of work per tick, so requests and frames are never starved by a max-speed run. */
const SLICE_MS = 12;
const TICK_MS = 16;

export interface Playable {
  /** Virtual time of the next step, or undefined when nothing is left to run. */
  nextTime(): number | undefined;
  currentTime(): number;
  /** Executes one step; false when it could not. */
  advance(): boolean;
  /** Called after each slice, e.g. to push a frame. */
  afterSlice(): void;
  /** The run has nothing left to do. */
  finished(): void;
}

/** Paces a run on real time: at speed k, one real second is k virtual seconds; Max runs flat out. */
export class Player {
  private cancelTick: (() => void) | undefined;
  private anchorReal = 0;
  private anchorVirtual = 0;
  /** Bumped by play() so a wake-up queued before a pause cannot start a second loop. */
  private generation = 0;
  playing = false;
  speed: Speed = Speed.X1;

  constructor(
    private readonly target: Playable,
    private readonly timers: Timers,
  ) {}

  play(): void {
    if (this.playing) return;
    this.playing = true;
    this.generation++;
    this.anchor();
    this.tick();
  }

  pause(): void {
    this.playing = false;
    this.cancelTick?.();
    this.cancelTick = undefined;
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    // Stopped, there is nothing to re-anchor (and maybe no run yet): play() anchors.
    if (this.playing) this.anchor();
  }

  private anchor(): void {
    this.anchorReal = this.timers.now();
    this.anchorVirtual = this.target.currentTime();
  }

  private tick = (): void => {
    this.cancelTick = undefined;
    if (!this.playing) return;
    const end = this.timers.now() + SLICE_MS;
    let done = false;
    if (this.speed === Speed.Max) {
      outer: for (;;) {
        for (let i = 0; i < 256; i++) {
          if (!this.target.advance()) {
            done = true;
            break outer;
          }
          // A step can pause the run (a failed write, a snapshot problem).
          if (!this.playing) break outer;
        }
        if (this.timers.now() >= end) break;
      }
    } else {
      const due = this.anchorVirtual + (this.timers.now() - this.anchorReal) * this.speed;
      for (;;) {
        const next = this.target.nextTime();
        if (next === undefined) {
          done = true;
          break;
        }
        if (next > due) break;
        if (!this.target.advance()) {
          done = true;
          break;
        }
        if (!this.playing) break;
        // Fell behind real time: drop the backlog rather than spiral.
        if (this.timers.now() >= end) {
          this.anchor();
          break;
        }
      }
    }
    this.target.afterSlice();
    if (done) {
      this.pause();
      this.target.finished();
      return;
    }
    if (!this.playing) return;
    if (this.speed === Speed.Max) {
      // A wake-up cannot be cancelled: it checks it still belongs to the loop that queued it.
      const generation = this.generation;
      this.timers.soon(() => {
        if (generation === this.generation) this.tick();
      });
    } else this.cancelTick = this.timers.after(TICK_MS, this.tick);
  };
}
