import type { FlowProblem } from '../flow';

// The flow package's own describeProblems pulls the schema library into the first bundle; this is the same line.
/** "nodes[2].rate: must be 0 or more; …" */
function describeProblems(problems: readonly FlowProblem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.reason}` : p.reason)).join('; ');
}

/** The message of any thrown value, with the flow problems it carries if any. */
export function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'problems' in error) {
    const problems = (error as { problems?: readonly FlowProblem[] }).problems;
    if (problems && problems.length > 0) return describeProblems(problems);
  }
  return error instanceof Error ? error.message : String(error);
}
