/** One reading of a counter at a virtual time. */
interface Sample {
  readonly time: number;
  readonly value: number;
}

/** How far back a rate looks, in virtual ms: long enough to smooth, short enough to follow a change. */
const RATE_WINDOW_MS = 2000;

/**
 * A counter's rate per virtual second over the last RATE_WINDOW_MS, from the readings frames bring.
 * A reading back in time (a seek) or a counter that went down starts the window again.
 */
export class RateWindow {
  private samples: Sample[] = [];

  add(time: number, value: number): void {
    const last = this.samples[this.samples.length - 1];
    if (last && (time < last.time || value < last.value)) this.samples = [];
    if (last && time === last.time) this.samples.pop();
    this.samples.push({ time, value });
    while (this.samples.length > 2 && this.samples[1]!.time <= time - RATE_WINDOW_MS) this.samples.shift();
  }

  /** Events per virtual second, or null until the window spans some time. */
  rate(): number | null {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.time <= first.time) return null;
    return ((last.value - first.value) * 1000) / (last.time - first.time);
  }
}
