import type { StepRecord } from '../engine';
import type { Runtime } from './runtime';

/** Steps the runtime through every action due at or before `time` (virtual ms) and returns what each did. */
export function until(runtime: Runtime, time: number): StepRecord[] {
  const out: StepRecord[] = [];
  for (let t = runtime.nextTime(); t !== undefined && t <= time; t = runtime.nextTime()) {
    const r = runtime.step();
    if (r) out.push(r);
  }
  return out;
}

/** The records of one step kind, typed as that kind. */
export const of = <K extends StepRecord['kind']>(records: StepRecord[], kind: K) =>
  records.filter((r): r is Extract<StepRecord, { kind: K }> => r.kind === kind);
