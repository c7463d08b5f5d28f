import type { FlowProblem } from '../flow';
import type { StoredWork } from '../protocol';

/** A request the worker answered with an error; `problems` says where a flow document is wrong, `replaces` what opening would delete. */
export class EngineRequestError extends Error {
  readonly problems: readonly FlowProblem[] | undefined;
  readonly replaces: StoredWork | undefined;

  constructor(message: string, problems?: readonly FlowProblem[], replaces?: StoredWork) {
    super(message);
    this.name = 'EngineRequestError';
    this.problems = problems;
    this.replaces = replaces;
  }
}
