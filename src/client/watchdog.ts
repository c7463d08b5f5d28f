/** How often the client looks for a silent worker. */
export const CHECK_MS = 1000;
/** A look this much later than planned means throttled timers or a busy thread: replies may still be queued behind it. */
const LATE_MS = 3 * CHECK_MS;

/**
 * Measures a worker's silence while it owes an answer, counting only time in which the page was
 * awake to hear it: a hidden tab's throttled timers and a busy UI thread are not the worker's silence.
 */
export class Watchdog {
  private lastHeard: number;
  private lastLook: number;
  /** Since the page could hear the worker again: the start, a return from hiding, or a late look. */
  private awakeSince: number;

  constructor(
    private readonly limitMs: number,
    now: number,
  ) {
    this.lastHeard = now;
    this.lastLook = now;
    this.awakeSince = now;
  }

  heard(now: number): void {
    this.lastHeard = now;
  }

  /** The page is shown again: a worker throttled while it was hidden gets the whole limit to catch up. */
  woke(now: number): void {
    this.awakeSince = now;
  }

  /** One look (every CHECK_MS): true when the worker has owed an answer since `owedSince` and said nothing for the limit. */
  silent(now: number, owedSince: number | undefined): boolean {
    const late = now - this.lastLook > LATE_MS;
    this.lastLook = now;
    if (late) {
      this.awakeSince = now;
      return false;
    }
    if (owedSince === undefined) return false;
    return now - Math.max(this.lastHeard, owedSince, this.awakeSince) >= this.limitMs;
  }
}
