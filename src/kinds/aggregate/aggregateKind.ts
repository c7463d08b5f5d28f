import { appendCommand, decideCommand, deciderCodeProblem, dropSnapshotsOf, wakeStoreSubscribers } from '../../engine';
import { getOwn } from '../../lib/ownRecord';
import type { KindModule } from '../kindModule';

/** An aggregate decides on a command, then appends what it decided its latency later. */
export const aggregateKind: KindModule<'aggregate'> = {
  afterEdit: (run, node, before) => {
    // Snapshots hold state folded by the old evolve: with new code, loads fold from the events again.
    if (getOwn(before.code, node.id) !== getOwn(run.flow.code, node.id)) dropSnapshotsOf(run, node.id);
    // A subscriber newly wired to an aggregate catches up from the start of the store.
    wakeStoreSubscribers(run, node.id);
  },
  actions: {
    'aggregate-decide': (run, node, action) => decideCommand(run, node, action.command),
    'aggregate-append': (run, node, action) => appendCommand(run, node, action),
  },
  // Its code is a decider module (decide and evolve), not a handler.
  codeProblem: deciderCodeProblem,
};
