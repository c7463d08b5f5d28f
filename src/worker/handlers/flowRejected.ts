import type { FlowProblem } from '../../flow';

/** A flow document that failed validation; its problems travel to the UI with the error reply. */
export class FlowRejected extends Error {
  constructor(
    message: string,
    readonly problems: FlowProblem[],
  ) {
    super(message);
  }
}
