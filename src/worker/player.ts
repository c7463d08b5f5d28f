import { Speed } from '../protocol';

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
  private timer: ReturnType<typeof setTimeout> | undefined;
  private anchorReal = 0;
  private anchorVirtual = 0;
  /** Bumped by play() so a wake-up queued before a pause cannot start a second loop. */
  private generation = 0;
  playing = false;
  speed: Speed = Speed.X1;

  // setTimeout(0) is clamped to ~4 ms when nested; a message hop yields to requests without that delay.
  private readonly wake = new MessageChannel();

  constructor(private readonly target: Playable) {
    this.wake.port1.onmessage = (event: MessageEvent<number>) => {
      if (event.data === this.generation) this.tick();
    };
  }

  play(): void {
    if (this.playing) return;
    this.playing = true;
    this.generation++;
    this.anchor();
    this.tick();
  }

  pause(): void {
    this.playing = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    // Stopped, there is nothing to re-anchor (and maybe no run yet): play() anchors.
    if (this.playing) this.anchor();
  }

  private anchor(): void {
    this.anchorReal = performance.now();
    this.anchorVirtual = this.target.currentTime();
  }

  private tick = (): void => {
    this.timer = undefined;
    if (!this.playing) return;
    const end = performance.now() + SLICE_MS;
    let done = false;
    if (this.speed === Speed.Max) {
      outer: for (;;) {
        for (let i = 0; i < 256; i++) {
          if (!this.target.advance()) { done = true; break outer; }
          // A step can pause the run (a failed write, a snapshot problem).
          if (!this.playing) break outer;
        }
        if (performance.now() >= end) break;
      }
    } else {
      const due = this.anchorVirtual + (performance.now() - this.anchorReal) * this.speed;
      for (;;) {
        const next = this.target.nextTime();
        if (next === undefined) { done = true; break; }
        if (next > due) break;
        if (!this.target.advance()) { done = true; break; }
        if (!this.playing) break;
        // Fell behind real time: drop the backlog rather than spiral.
        if (performance.now() >= end) { this.anchor(); break; }
      }
    }
    this.target.afterSlice();
    if (done) {
      this.pause();
      this.target.finished();
      return;
    }
    if (!this.playing) return;
    if (this.speed === Speed.Max) this.wake.port2.postMessage(this.generation);
    else this.timer = setTimeout(this.tick, TICK_MS);
  };
}
