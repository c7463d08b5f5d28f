import type { FlowProblem } from '../flow';

/** A request the worker answered with an error; `problems` says where a flow document is wrong. */
export class EngineRequestError extends Error {
  readonly problems: readonly FlowProblem[] | undefined;

  constructor(message: string, problems?: readonly FlowProblem[]) {
    super(message);
    this.name = 'EngineRequestError';
    this.problems = problems;
  }
}
