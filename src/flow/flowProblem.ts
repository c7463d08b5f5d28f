/** One thing wrong with a flow document, and where. */
export interface FlowProblem {
  /** Where in the document, e.g. `nodes[2].rate`; empty for the document itself. */
  readonly path: string;
  readonly reason: string;
}
