import { schemaProblem } from '../../engine/nodes/eventSchemas';
import { describeProblems, validateFlow } from '../../flow';
import { PROTOCOL_VERSION, type FlowLoaded } from '../../protocol';
import { handlerCodeErrors, type Session } from '../session';
import { FlowRejected } from './flowRejected';
import type { HandlerGroup } from './handlerRegistry';

/** Opening, editing and resetting the flow, and publishing by hand. */
export function flowHandlers(session: Session): HandlerGroup {
  const loaded = (): FlowLoaded => ({ flow: session.flow!, branches: session.branchInfos(), frame: session.frame(), codeErrors: handlerCodeErrors(session.flow!) });
  return {
    hello: ({ protocol }) => {
      if (protocol !== PROTOCOL_VERSION) throw new Error(`protocol ${protocol} is not ${PROTOCOL_VERSION}: reload the page`);
      // Sent ahead of the reply, so the timeline has them with the first frame.
      session.pushMarkers(true);
      return session.flow ? loaded() : { flow: null, branches: [], frame: emptyFrame(), codeErrors: {} };
    },
    openFlow: async ({ doc, origin }) => {
      const result = validateFlow(doc);
      if (!result.ok) throw new FlowRejected(`${origin}: ${describeProblems(result.problems)}`, result.problems);
      await session.startFresh(result.flow);
      return loaded();
    },
    updateFlow: async ({ flow }) => {
      const result = validateFlow(flow);
      if (!result.ok) throw new FlowRejected(`edit not saved: ${describeProblems(result.problems)}`, result.problems);
      return session.updateFlow(result.flow);
    },
    publish: ({ producer, data }) => {
      const node = session.run.flow.nodes.find((n) => n.id === producer);
      if (!node || node.kind !== 'producer') throw new Error(`no producer with id "${producer}" in the running flow`);
      // Refused before it is recorded: a payload that fails its schema appends nothing, not even a fault.
      const invalid = schemaProblem(session.run.flow, node.eventType, data);
      if (invalid !== undefined) throw new Error(`not published: ${invalid}`);
      return { step: session.publish(producer, data) };
    },
    controlConsumer: ({ node, action }) => {
      const found = session.run.flow.nodes.find((n) => n.id === node);
      if (!found || (found.kind !== 'consumer' && found.kind !== 'projection')) throw new Error(`no consumer with id "${node}" in the running flow`);
      return { step: session.controlConsumer(node, action) };
    },
    resetOffsets: ({ group, target }) => ({ step: session.resetOffsets(group, target) }),
    reset: async () => {
      await session.startFresh(session.flow ?? session.run.baseFlow, 'reset');
      return { branches: session.branchInfos() };
    },
  };
}

function emptyFrame() {
  return { cursor: 0, head: 0, time: 0, playing: false, speed: 1, branchId: '', counters: {}, edges: {}, nodeStates: {}, recent: [], topics: {}, groups: {}, queues: {}, channels: {}, disconnected: [], eventStore: { events: 0, aggregates: {}, subscriptions: {} } } as const;
}
