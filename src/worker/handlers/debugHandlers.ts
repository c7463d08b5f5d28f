import { diffState } from '../../lib/diffState';
import { MAX_PUBLISH_BATCH } from '../../protocol';
import { withBookmark, withoutBookmark } from '../bookmarks';
import { exportPage } from '../logExport';
import { nodeView } from '../nodeView';
import type { Session } from '../session';
import { findTouching, locate } from '../stepSearch';
import { traceConversation } from '../traceSearch';
import { FlowRejected } from './flowRejected';
import type { HandlerGroup } from './handlerRegistry';
import { batchProblem } from './inputProblem';

/** Changes a diff sends at most; a huge read model would otherwise flood the inspector. */
const MAX_DIFF_CHANGES = 500;

/** The debugger's requests: searching the log, bookmarks, state at a step, branch deletion, export and import. */
export function debugHandlers(session: Session): HandlerGroup {
  /** Throws unless every event could be published by hand on the producer; names the first that could not. */
  const checkBatch = (producer: string, events: unknown) => {
    const node = session.run.flow.nodes.find((n) => n.id === producer);
    if (!node || node.kind !== 'producer') throw new Error(`no producer with id "${producer}" in the running flow`);
    if (!Array.isArray(events) || events.length === 0 || events.length > MAX_PUBLISH_BATCH)
      throw new Error(
        `a batch holds 1 to ${MAX_PUBLISH_BATCH} events (this one has ${Array.isArray(events) ? events.length : 'none'})`,
      );
    const problem = batchProblem(session.run.flow, node.eventType, events);
    if (problem) throw new FlowRejected(`nothing published: ${problem.path}: ${problem.reason}`, [problem]);
  };
  const stateAt = async (branchId: string | undefined, step: number, node: string) => {
    const { state, flow } = await session.peek(session.branchOf(branchId), step);
    return nodeView(state, flow, node);
  };
  return {
    findTouchingStep: async ({ node, from, direction }) => {
      const found = (session.flow ?? session.run.flow).nodes.find((n) => n.id === node);
      if (!found) throw new Error(`no node with id "${node}" in the flow`);
      const group = found.kind === 'consumer' || found.kind === 'projection' ? (found.group ?? found.id) : undefined;
      const branch = session.branchOf();
      return {
        step: await findTouching(
          session.reader(branch),
          branch.head,
          { id: node, group },
          from ?? session.run.cursor - 1,
          direction,
        ),
      };
    },
    trace: async ({ id }) => {
      const branch = session.branchOf();
      const trace = await traceConversation(session.reader(branch), branch.head, id);
      if (!trace) throw new Error(`no step on this branch published or decided ${id}`);
      return trace;
    },
    locate: ({ target }) => {
      const branch = session.branchOf();
      return locate(session.reader(branch), branch.head, target);
    },
    addBookmark: async ({ step, label }) => ({
      bookmarks: await session.changeBookmarks((list) => withBookmark(list, step, label, session.run.head)),
    }),
    removeBookmark: async ({ step }) => ({
      bookmarks: await session.changeBookmarks((list) => withoutBookmark(list, step)),
    }),
    nodeStateAt: async ({ branchId, step, node }) => ({ step, state: await stateAt(branchId, step, node) }),
    diffNodeState: async ({ branchId, node, from, to }) => {
      const before = await stateAt(branchId, from, node);
      const after = await stateAt(branchId, to, node);
      const changes = diffState(before, after, MAX_DIFF_CHANGES + 1);
      return { from, to, changes: changes.slice(0, MAX_DIFF_CHANGES), truncated: changes.length > MAX_DIFF_CHANGES };
    },
    deleteBranch: async ({ branchId }) => {
      const switched = await session.deleteBranch(branchId);
      session.pushFrame();
      return { branches: session.branchInfos(), flow: session.branchFlow(), switched };
    },
    exportLog: ({ branchId, from, to }) => {
      const branch = session.branchOf(branchId);
      return exportPage(session.reader(branch), branch, from, to);
    },
    checkBatch: ({ producer, events }) => {
      checkBatch(producer, events);
      return null;
    },
    // Checked as checkBatch checks: one event a publish by hand would refuse refuses the batch.
    publishBatch: ({ producer, events }) => {
      checkBatch(producer, events);
      return session.publishMany(producer, events);
    },
  };
}
