import { appendCommand, decideCommand, deciderCodeProblem, wakeStoreSubscribers } from '../../engine';
import type { KindModule } from '../kindModule';

/** An aggregate decides on a command, then appends what it decided its latency later. */
export const aggregateKind: KindModule<'aggregate'> = {
  // A subscriber newly wired to an aggregate catches up from the start of the store.
  afterEdit: (run, node) => wakeStoreSubscribers(run, node.id),
  actions: {
    'aggregate-decide': (run, node, action) => decideCommand(run, node, action.command),
    'aggregate-append': (run, node, action) => appendCommand(run, node, action),
  },
  // Its code is a decider module (decide and evolve), not a handler.
  codeProblem: deciderCodeProblem,
};
