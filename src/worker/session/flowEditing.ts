import { affectsRun, summarizeFlowChange } from '../../engine';
import type { FlowDocument } from '../../flow';
import type { Persister } from '../persister';
import { notDone } from '../storageNotices';
import type { FramePacing } from './framePacing';
import type { Inputs } from './inputs';
import { handlerCodeErrors, latestFlow, type OpenFlow } from './openFlow';

/** Saving the person's edits to the open flow: stored only, the run's new start, or a recorded input. */
export class FlowEditing {
  constructor(
    private readonly open: OpenFlow,
    private readonly persister: Persister,
    private readonly inputs: Inputs,
    private readonly frames: FramePacing,
  ) {}

  /**
   * Saves an edit; one that changes what runs becomes an input (or the new base before the first step).
   * The flow record is stored in the same transaction as the branch that records the edit, or not at all.
   */
  async updateFlow(flow: FlowDocument): Promise<{ recorded: boolean; codeErrors: Record<string, string> }> {
    const open = this.open;
    const codeErrors = handlerCodeErrors(flow, open.code);
    const record = open.flowRecord(flow, open.code.isTrusted, true);
    const unchanged = 'The stored flow and its run are unchanged.';
    const branch = open.branch;
    const before = latestFlow(branch);
    if (!affectsRun(before, flow)) {
      try {
        await open.store?.saveFlow(record);
      } catch (error) {
        throw notDone('Not saved', error, unchanged);
      }
      open.flowSaved(record);
      return { recorded: false, codeErrors };
    }
    if (branch.head === 0 && branch.parentId === null && branch.inputs.length === 0) {
      // Nothing has run yet: the edit simply becomes the run's starting point.
      const run = open.newRun({ baseFlow: flow, inputs: [], head: 0 });
      await this.persister.flush();
      try {
        await open.store?.commit({ flow: record, branch: { ...branch, baseFlow: flow } });
      } catch (error) {
        throw notDone('Not saved', error, unchanged);
      }
      branch.baseFlow = flow;
      open.runs.set(branch.id, run);
      open.flowSaved(record);
      this.frames.pushFrame();
      return { recorded: false, codeErrors };
    }
    const previous = open.flow;
    open.flow = flow;
    this.persister.saveFlow(record);
    this.inputs.input({ type: 'flow', flow, summary: summarizeFlowChange(before, flow) });
    // Reply only once the input is stored, so a reload right after the reply replays it.
    const failed = await this.persister.flush();
    if (failed) {
      // The run went back to its stored head without the edit (StorageFailure said so); the flow goes back too.
      open.flow = previous;
      throw notDone('Not saved', failed, unchanged);
    }
    open.flowSaved(record);
    return { recorded: true, codeErrors };
  }
}
