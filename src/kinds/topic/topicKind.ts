import { cleanUp, topicLog } from '../../engine';
import type { KindModule } from '../kindModule';

/** A topic's partition log exists from the start of a run; retention and compaction run after a segment rolls. */
export const topicKind: KindModule<'topic'> = {
  open: (run, node) => void topicLog(run, node),
  // Partitions can be raised by an edit, never lowered.
  afterEdit: (run, node) => void topicLog(run, node),
  actions: {
    cleanup: (run, node, action) => cleanUp(run, node, action.partition),
  },
};
