import { CodeSandbox, StepKind } from '../../src/engine';
import { Runtime } from '../../src/run';
import type { FlowDocument } from '../../src/flow';
import type { EngineRate, Rate } from '../protocol';
import { perSecond, timeFor } from './timing';

const BATCH = 1000;

/** Steps `runtime` up to `limit` times; counts steps and published events. */
function stepMany(runtime: Runtime, limit: number, tally: { steps: number; events: number }): void {
  for (let i = 0; i < limit; i++) {
    const record = runtime.step();
    if (!record) return;
    tally.steps++;
    if (record.kind === StepKind.Publish) tally.events++;
  }
}

// The worker's own eval: the same checked, guarded code, evaluated outside any compartment.
const nativeEvaluate = (source: string): unknown => (0, eval)(source) as unknown;

/**
 * The engine alone, in memory, flat out: Runtime.step() in a loop, records dropped. User code runs
 * in its compartment, or (`native`) evaluated by the worker itself, to measure what the sandbox costs.
 */
export function measureEngine(
  flow: FlowDocument,
  seconds: number,
  evaluation: 'compartment' | 'native' | 'unhardened' = 'compartment',
): EngineRate {
  const runtime = Runtime.start(
    flow,
    new CodeSandbox(evaluation === 'compartment' ? {} : { evaluate: nativeEvaluate }),
  );
  const tally = { steps: 0, events: 0 };
  const { ms } = timeFor(seconds, () => (stepMany(runtime, BATCH, tally), BATCH));
  return {
    steps: tally.steps,
    events: tally.events,
    ms,
    stepsPerSecond: perSecond(tally.steps, ms),
    eventsPerSecond: perSecond(tally.events, ms),
  };
}

/** A debugger without snapshots: replay from step 0 to `steps`. */
export function measureFullReplay(flow: FlowDocument, steps: number): EngineRate {
  const start = performance.now();
  const tally = { steps: 0, events: 0 };
  stepMany(Runtime.start(flow), steps, tally);
  const ms = performance.now() - start;
  return {
    steps: tally.steps,
    events: tally.events,
    ms,
    stepsPerSecond: perSecond(tally.steps, ms),
    eventsPerSecond: perSecond(tally.events, ms),
  };
}

interface SmallEvent {
  readonly kind: string;
  readonly step: number;
  readonly time: number;
  readonly node: string;
  readonly offset: number;
}

/** The raw limit beside the engine: create a small object and append it, nothing else. */
export function measureAppendLimit(seconds: number): Rate {
  let log: SmallEvent[] = [];
  let n = 0;
  const { count, ms } = timeFor(seconds, () => {
    for (let i = 0; i < BATCH; i++, n++)
      log.push({ kind: 'deliver', step: n, time: n * 0.01, node: 'consumer', offset: n });
    // bounded like the persister's segment cache, so the limit is not a measure of heap growth
    if (log.length >= 1_000_000) log = [];
    return BATCH;
  });
  return { count, ms, perSecond: perSecond(count, ms) };
}
