import { queryLog, queryReadModel } from '../../engine';
import type { Session } from '../session';
import type { HandlerGroup } from './handlerRegistry';
import { dataProblem } from './inputProblem';

/** Commands by hand, read model rebuilds, and questions about the event store and read models at the cursor. */
export function eventSourcingHandlers(session: Session): HandlerGroup {
  const nodeOf = (id: string) => session.run.flow.nodes.find((n) => n.id === id);
  return {
    sendCommand: ({ node, data }) => {
      if (nodeOf(node)?.kind !== 'command') throw new Error(`no command source with id "${node}" in the running flow`);
      const invalid = dataProblem(data);
      if (invalid !== undefined) throw new Error(`not sent: ${invalid}`);
      return { step: session.sendCommand(node, data) };
    },
    rebuild: ({ node }) => {
      const found = nodeOf(node);
      if (found?.kind !== 'projection' && found?.kind !== 'consumer')
        throw new Error(`no read model with id "${node}" in the running flow`);
      if (!session.run.flow.edges.some((e) => e.target === node && nodeOf(e.source)?.kind === 'aggregate'))
        throw new Error(
          `${found.name} does not read an event store: connect an aggregate to it to rebuild it from the log`,
        );
      return { step: session.rebuild(node) };
    },
    queryReadModel: ({ node, code }) => {
      session.requireTrust('A query');
      return { answer: queryReadModel(session.run.context, node, code) };
    },
    queryLog: ({ query }) => {
      session.requireTrust('A question about the event store');
      return queryLog(session.run.context, query);
    },
  };
}
