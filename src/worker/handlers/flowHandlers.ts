import { describeProblems, validateFlow } from '../../flow';
import { PROTOCOL_VERSION, type FlowLoaded, type TabStorage } from '../../protocol';
import type { Session } from '../session';
import { FlowRejected } from './flowRejected';
import { WouldReplaceWork } from './wouldReplaceWork';
import type { HandlerGroup } from './handlerRegistry';
import { publishProblem } from './inputProblem';

/** Opening, editing, trusting and resetting the flow, and publishing by hand; hello also says whether this tab saves. */
export function flowHandlers(session: Session, storage: TabStorage): HandlerGroup {
  const loaded = (): FlowLoaded => ({
    flow: session.flow!,
    trusted: session.trusted,
    branches: session.branchInfos(),
    frame: session.frame(),
    codeErrors: session.codeErrors(),
    stored: session.storedFlow(),
  });
  return {
    hello: ({ protocol }) => {
      if (protocol !== PROTOCOL_VERSION)
        throw new Error(`protocol ${protocol} is not ${PROTOCOL_VERSION}: reload the page`);
      // Sent ahead of the reply, so the timeline has them with the first frame.
      session.pushMarkers(true);
      return {
        ...(session.flow
          ? loaded()
          : { flow: null, trusted: true as const, branches: [], frame: emptyFrame(), codeErrors: {}, stored: null }),
        storage,
      };
    },
    openFlow: async ({ doc, origin, replace }) => {
      const result = validateFlow(doc);
      if (!result.ok) throw new FlowRejected(`${origin}: ${describeProblems(result.problems)}`, result.problems);
      const work = session.storedWork();
      if (work && replace !== true) throw new WouldReplaceWork(work);
      // Only the bundled examples are ours; a file or a link is someone else's code until the person trusts it.
      await session.startFresh(result.flow, { trusted: origin === 'example' });
      return loaded();
    },
    trust: async () => {
      await session.trust();
      return loaded();
    },
    updateFlow: async ({ flow }) => {
      const result = validateFlow(flow);
      if (!result.ok) throw new FlowRejected(`edit not saved: ${describeProblems(result.problems)}`, result.problems);
      return { ...(await session.updateFlow(result.flow)), stored: session.storedFlow() };
    },
    publish: ({ producer, data }) => {
      const node = session.run.flow.nodes.find((n) => n.id === producer);
      if (!node || node.kind !== 'producer') throw new Error(`no producer with id "${producer}" in the running flow`);
      // Refused before it is recorded: a payload that is not JSON or fails its schema appends nothing, not even a fault.
      const invalid = publishProblem(session.run.flow, node.eventType, data);
      if (invalid !== undefined) throw new Error(`not published: ${invalid}`);
      return { step: session.publish(producer, data) };
    },
    controlConsumer: ({ node, action }) => {
      const found = session.run.flow.nodes.find((n) => n.id === node);
      if (!found || (found.kind !== 'consumer' && found.kind !== 'projection'))
        throw new Error(`no consumer with id "${node}" in the running flow`);
      return { step: session.controlConsumer(node, action) };
    },
    resetOffsets: ({ group, target }) => ({ step: session.resetOffsets(group, target) }),
    reset: async () => {
      // The flow stays as the person left it (trusted, edited): only its run starts over.
      await session.startFresh(session.flow ?? session.run.baseFlow, {
        trusted: session.trusted,
        edited: session.storedWork()?.edited ?? false,
        change: 'reset',
      });
      return { branches: session.branchInfos(), stored: session.storedFlow() };
    },
  };
}

function emptyFrame() {
  return {
    cursor: 0,
    head: 0,
    time: 0,
    playing: false,
    speed: 1,
    branchId: '',
    counters: {},
    edges: {},
    nodeStates: {},
    recent: [],
    topics: {},
    groups: {},
    queues: {},
    channels: {},
    disconnected: [],
    eventStore: { events: 0, aggregates: {}, subscriptions: {} },
  } as const;
}
