import type { ResetTarget, RunInput } from '../../engine';
import { getOwn } from '../../lib/ownRecord';
import type { Persister } from '../persister';
import type { FramePacing } from './framePacing';
import type { OpenFlow } from './openFlow';
import type { Running } from './running';

/** What enters a run from outside (a publish, a command, a consumer crash, an offset reset): recorded as inputs at the branch's end. */
export class Inputs {
  constructor(
    private readonly open: OpenFlow,
    private readonly persister: Persister,
    private readonly running: Running,
    private readonly frames: FramePacing,
  ) {}

  /** Records an input at the end of the branch and runs it now when the cursor is there. */
  input(input: RunInput): number {
    return this.inputs([input])[0]!;
  }

  /** Records inputs one after another at the end of the branch, each run at once when the cursor is there; one frame for all. */
  private inputs(inputs: readonly RunInput[]): number[] {
    const branch = this.open.branch;
    const run = this.open.run;
    const steps: number[] = [];
    for (const input of inputs) {
      const recorded = run.record(input);
      if (run.cursor === recorded.step) this.running.advance();
      steps.push(recorded.step);
    }
    // Once for the batch: the list is sorted on every read. No flush runs inside this synchronous loop.
    branch.inputs = run.inputs;
    this.persister.saveBranch(branch);
    void this.persister.flush();
    this.frames.pushFrame();
    return steps;
  }

  publish(producer: string, data: unknown): number {
    this.open.requireTrust('Publishing');
    return this.input({ type: 'publish', producer, data });
  }

  sendCommand(node: string, data: unknown): number {
    this.open.requireTrust('Sending a command');
    return this.input({ type: 'command', node, data });
  }

  rebuild(node: string): number {
    this.open.requireTrust('Rebuilding a read model');
    return this.input({ type: 'rebuild', node });
  }

  /** Publishes events by hand as consecutive inputs (an import); the steps of the first and the last. */
  publishMany(producer: string, events: readonly unknown[]): { first: number; last: number } {
    this.open.requireTrust('Importing events');
    const steps = this.inputs(events.map((data) => ({ type: 'publish', producer, data })));
    return { first: steps[0] ?? this.open.run.head, last: steps[steps.length - 1] ?? this.open.run.head };
  }

  controlConsumer(node: string, action: 'crash' | 'restart'): number {
    this.open.requireTrust(action === 'crash' ? 'Crashing a consumer' : 'Restarting a consumer');
    return this.input({ type: 'consumer', node, action });
  }

  /** A reset the group would refuse (it has members) is reported, not recorded. */
  resetOffsets(group: string, target: ResetTarget): number {
    this.open.requireTrust('Resetting offsets');
    const state = getOwn(this.open.run.state.kafka.groups, group);
    if (!state) throw new Error(`no consumer group "${group}" in the running flow`);
    if (state.members.length > 0)
      throw new Error(
        `Offsets of group ${group} can only be reset while it has no members: crash or remove its consumers and wait for their session timeout, as Kafka requires.`,
      );
    return this.input({ type: 'reset-offsets', group, target });
  }
}
