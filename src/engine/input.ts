import type { FlowDocument } from '../flow';
import type { ResetTarget } from './brokers/kafka';

/** Something that entered a run from outside; recorded at the step it happened so replays repeat it. */
export type RunInput =
  | { readonly type: 'publish'; readonly producer: string; readonly data: unknown }
  | { readonly type: 'flow'; readonly flow: FlowDocument; readonly summary: string }
  /** Crash a consumer (it stops without leaving its group) or restart it (it joins again). */
  | { readonly type: 'consumer'; readonly node: string; readonly action: 'crash' | 'restart' }
  /** kafka-consumer-groups --reset-offsets: only for a group with no members (stop them first, as Kafka requires). */
  | { readonly type: 'reset-offsets'; readonly group: string; readonly target: ResetTarget }
  /** A command sent by hand from a command source's panel. */
  | { readonly type: 'command'; readonly node: string; readonly data: unknown }
  /** Reset a read model and read the event store again from the start. */
  | { readonly type: 'rebuild'; readonly node: string };

export interface RecordedInput {
  /** The input is executed as this step. */
  readonly step: number;
  readonly input: RunInput;
}
