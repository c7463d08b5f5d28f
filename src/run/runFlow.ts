import type { FlowDocument } from '../flow';
import { Runtime } from './runtime';
import type { StepRecord } from '../engine';

/** Runs a flow from step 0 for up to `steps` steps and hands each record to `emit` (the CLI and tests use it). */
export function runFlow(flow: FlowDocument, steps: number, emit: (record: StepRecord) => void): Runtime {
  const runtime = Runtime.start(flow);
  for (let i = 0; i < steps; i++) {
    const record = runtime.step();
    if (!record) break;
    emit(record);
  }
  return runtime;
}
