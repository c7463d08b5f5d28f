import type { FlowDocument } from '../flow';

/** Something that entered a run from outside; recorded at the step it happened so replays repeat it. */
export type RunInput =
  | { readonly type: 'publish'; readonly producer: string; readonly data: unknown }
  | { readonly type: 'flow'; readonly flow: FlowDocument; readonly summary: string }
  /** Crash a consumer (it stops without leaving its group) or restart it (it joins again). */
  | { readonly type: 'consumer'; readonly node: string; readonly action: 'crash' | 'restart' };

export interface RecordedInput {
  /** The input is executed as this step. */
  readonly step: number;
  readonly input: RunInput;
}
