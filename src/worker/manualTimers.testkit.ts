import type { Timers } from './timers';

interface Task {
  readonly at: number;
  readonly order: number;
  readonly run: () => void;
  cancelled: boolean;
}

/** Simulated time for tests: nothing runs until `advance` moves the clock past it. */
export class ManualTimers implements Timers {
  private time = 0;
  private order = 0;
  private tasks: Task[] = [];

  now(): number {
    return this.time;
  }

  after(ms: number, callback: () => void): () => void {
    const task: Task = { at: this.time + Math.max(0, ms), order: this.order++, run: callback, cancelled: false };
    this.tasks.push(task);
    return () => {
      task.cancelled = true;
    };
  }

  soon(callback: () => void): void {
    this.after(0, callback);
  }

  /** Work inside a task taking real time: the clock moves on, nothing else runs meanwhile. */
  spend(ms: number): void {
    this.time += ms;
  }

  /** Tasks waiting to run (cancelled ones not counted). */
  pending(): number {
    return this.tasks.filter((t) => !t.cancelled).length;
  }

  /** Runs every task due in the next `ms`, in time order (same time: in the order they were queued). */
  advance(ms: number): void {
    const end = this.time + ms;
    // A task that queues itself at no cost would never let time pass: fail rather than hang.
    for (let ran = 0; ; ran++) {
      if (ran > 1_000_000)
        throw new Error(
          'ManualTimers: over a million tasks in one advance; does a task requeue itself without spending time?',
        );
      this.tasks = this.tasks.filter((t) => !t.cancelled).sort((a, b) => a.at - b.at || a.order - b.order);
      const next = this.tasks[0];
      if (!next || next.at > end) break;
      this.tasks.shift();
      this.time = Math.max(this.time, next.at);
      next.run();
    }
    this.time = Math.max(this.time, end);
  }
}
