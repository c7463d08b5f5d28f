import { describe, expect, it } from 'vitest';
import { Speed } from '../protocol';
import { ManualTimers } from './manualTimers.testkit';
import { Player, type Playable } from './player';

/** A run whose steps fall at the given virtual times; each step costs `costMs` of real time. */
class FakeRun implements Playable {
  executed = 0;
  slices = 0;
  finishedCount = 0;
  private time = 0;

  constructor(
    private readonly timers: ManualTimers,
    private readonly stepTimes: readonly number[],
    private readonly costMs = 0,
  ) {}

  nextTime(): number | undefined {
    return this.stepTimes[this.executed];
  }

  currentTime(): number {
    return this.time;
  }

  advance(): boolean {
    const next = this.stepTimes[this.executed];
    if (next === undefined) return false;
    this.timers.spend(this.costMs);
    this.time = next;
    this.executed++;
    return true;
  }

  afterSlice(): void {
    this.slices++;
  }

  finished(): void {
    this.finishedCount++;
  }
}

/** Steps every `every` virtual ms, `count` of them. */
const evenly = (every: number, count: number): number[] => Array.from({ length: count }, (_, i) => (i + 1) * every);

function playing(
  stepTimes: readonly number[],
  speed: Speed,
  costMs = 0,
): { run: FakeRun; player: Player; timers: ManualTimers } {
  const timers = new ManualTimers();
  const run = new FakeRun(timers, stepTimes, costMs);
  const player = new Player(run, timers);
  player.setSpeed(speed);
  player.play();
  return { run, player, timers };
}

describe('Player', () => {
  it('at 1x runs one virtual second per real second', () => {
    const { run, timers } = playing(evenly(100, 1000), Speed.X1);
    timers.advance(1000);
    // Ticks come every 16 ms, so the step due at 1000 may wait for the next one.
    expect(run.executed).toBeGreaterThanOrEqual(9);
    expect(run.executed).toBeLessThanOrEqual(10);
    timers.advance(1000);
    expect(run.executed).toBeGreaterThanOrEqual(19);
    expect(run.executed).toBeLessThanOrEqual(20);
  });

  it('at 10x and 100x runs ten and a hundred virtual seconds per real second', () => {
    const ten = playing(evenly(100, 10_000), Speed.X10);
    ten.timers.advance(1000);
    expect(ten.run.executed).toBeGreaterThanOrEqual(99);
    expect(ten.run.executed).toBeLessThanOrEqual(100);
    const hundred = playing(evenly(100, 10_000), Speed.X100);
    hundred.timers.advance(1000);
    // The last 16 ms tick before 1000 ms is at 992 ms: steps up to virtual 99,200.
    expect(hundred.run.executed).toBeGreaterThanOrEqual(984);
    expect(hundred.run.executed).toBeLessThanOrEqual(1000);
  });

  it('runs nothing after a pause, and leaves no timer behind', () => {
    const { run, player, timers } = playing(evenly(100, 1000), Speed.X1);
    timers.advance(500);
    const done = run.executed;
    player.pause();
    expect(player.playing).toBe(false);
    expect(timers.pending()).toBe(0);
    timers.advance(5000);
    expect(run.executed).toBe(done);
  });

  it('after a pause goes on from where the run stopped, without catching up the paused time', () => {
    const { run, player, timers } = playing(evenly(100, 1000), Speed.X1);
    timers.advance(500);
    const done = run.executed;
    player.pause();
    timers.advance(10_000);
    player.play();
    expect(run.executed).toBe(done);
    timers.advance(200);
    expect(run.executed - done).toBeLessThanOrEqual(2);
  });

  it('re-anchors on a speed change, so the new speed counts from that moment', () => {
    const { run, player, timers } = playing(evenly(100, 10_000), Speed.X1);
    timers.advance(1000);
    const done = run.executed;
    player.setSpeed(Speed.X10);
    timers.advance(1000);
    // 1000 real ms at 10x: about 100 steps, not 200 as if 10x had held from the start.
    expect(run.executed - done).toBeGreaterThanOrEqual(99);
    expect(run.executed - done).toBeLessThanOrEqual(101);
  });

  it('runs a paced slice for at most its budget, then drops the backlog rather than spiral', () => {
    // Each step costs 1 ms and all are due at once: a slice stops after 12 ms of work.
    const { run, timers } = playing(
      Array.from({ length: 1000 }, () => 0),
      Speed.X1,
      1,
    );
    expect(run.executed).toBe(12);
    expect(run.slices).toBe(1);
    timers.advance(16);
    expect(run.executed).toBe(24);
    expect(run.slices).toBe(2);
  });

  it('at max speed runs flat out in slices of about 12 ms, yielding between them', () => {
    // 256 steps of 1/64 ms are 4 ms: the third batch reaches the slice's budget.
    const { run, timers } = playing(evenly(1_000_000, 100_000), Speed.Max, 1 / 64);
    expect(run.executed).toBe(768);
    expect(run.slices).toBe(1);
    expect(timers.pending()).toBe(1);
    timers.advance(0);
    expect(run.executed).toBe(1536);
    expect(run.slices).toBe(2);
  });

  it('at max speed ignores virtual time and stops when the run has nothing left to do', () => {
    const { run, player, timers } = playing(evenly(60_000, 2000), Speed.Max);
    timers.advance(0);
    expect(run.executed).toBe(2000);
    expect(run.finishedCount).toBe(1);
    expect(player.playing).toBe(false);
    expect(timers.pending()).toBe(0);
  });

  it('tells the run it finished when no step is left at a paced speed', () => {
    const { run, player, timers } = playing(evenly(100, 3), Speed.X10);
    timers.advance(100);
    expect(run.executed).toBe(3);
    expect(run.finishedCount).toBe(1);
    expect(player.playing).toBe(false);
  });

  it('does not let a wake-up queued before a pause start a second loop at max speed', () => {
    const { run, player, timers } = playing(evenly(1_000_000, 100_000), Speed.Max, 1 / 64);
    player.pause();
    player.play();
    expect(run.slices).toBe(2);
    // Two wake-ups are queued, the first from before the pause: only the second may run a slice.
    timers.advance(0);
    expect(run.slices).toBe(3);
  });

  it('plays once however often Play is pressed', () => {
    const { run, player, timers } = playing(
      Array.from({ length: 1000 }, () => 0),
      Speed.X1,
      1,
    );
    player.play();
    expect(run.slices).toBe(1);
    timers.advance(16);
    expect(run.slices).toBe(2);
  });
});
