import type { FlowProblem } from '../../flow';

/** Input that failed validation (a flow document, a batch of events); its problems travel to the UI with the error reply. */
export class FlowRejected extends Error {
  constructor(
    message: string,
    readonly problems: FlowProblem[],
  ) {
    super(message);
  }
}
