import { validateFlow, describeProblems, type FlowDocument } from '../src/flow';
import document from './reference-flow.json';

/** The benchmark's flow, checked like any flow the app opens; a bad edit to the JSON fails loudly. */
export function referenceFlow(): FlowDocument {
  const result = validateFlow(document);
  if (!result.ok)
    throw new Error(`bench/reference-flow.json is not a valid flow: ${describeProblems(result.problems)}`);
  return result.flow;
}

/** Id of the producer whose published counter is "events". */
export const REFERENCE_PRODUCER = 'producer';
