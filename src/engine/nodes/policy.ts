import type { SubscriberNode } from '../../flow';
import type { CloudEvent } from '../cloudEvent';
import { nextUuid } from '../random';
import type { Command } from '../command';
import type { RunContext } from './runContext';

// A consumer wired to aggregates is a policy ("whenever OrderPlaced, reserve stock"): its handler
// sends commands with ctx.send. They go out when the handler returns, each decided in a step of
// its own, and carry the event's correlation id, caused by the event.

interface Outbox {
  /** Handed to user code as ctx.send, so it never relies on `this`. */
  send: (command: { type: string; aggregateId: string; data?: unknown }, to?: string) => void;
  /** Schedules what was sent; returns a log line per command. */
  flush(): string[];
}

/** The outbox of a node wired to aggregates; undefined for any other node (it has no ctx.send). */
export function policyOutbox(run: RunContext, node: SubscriberNode, event: CloudEvent): Outbox | undefined {
  // Called for every delivery: most subscribers have no outgoing edge at all.
  const outgoing = run.outgoing(node.id);
  if (outgoing.length === 0) return undefined;
  const targets = outgoing.flatMap((e) => {
    const target = run.node(e.target);
    return target?.kind === 'aggregate' ? [target] : [];
  });
  if (targets.length === 0) return undefined;
  const pending: { aggregate: string; command: Omit<Command, 'id'> }[] = [];
  return {
    send(command, to) {
      if (typeof command?.type !== 'string' || typeof command.aggregateId !== 'string')
        throw new Error('ctx.send needs { type, aggregateId, data }');
      const target =
        to === undefined
          ? targets.length === 1
            ? targets[0]
            : undefined
          : targets.find((t) => t.id === to || t.name === to);
      if (!target) {
        const names = targets.map((t) => t.name).join(', ');
        throw new Error(
          to === undefined
            ? `ctx.send: wired to several aggregates (${names}); name one: ctx.send(command, "${targets[0]!.name}")`
            : `ctx.send: no aggregate "${to}" is wired to this node (${names})`,
        );
      }
      pending.push({
        aggregate: target.id,
        command: {
          type: command.type,
          aggregateId: command.aggregateId,
          data: structuredClone(command.data ?? {}),
          correlationId: event.correlationid,
          causationId: event.id,
          source: node.id,
        },
      });
    },
    flush() {
      return pending.map(({ aggregate, command }) => {
        run.schedule({
          kind: 'aggregate-decide',
          time: run.state.time,
          seq: 0,
          node: aggregate,
          command: { ...command, id: nextUuid(run.state.random) },
        });
        return `→ sent ${command.type} to ${run.node(aggregate)?.name ?? aggregate} (${command.aggregateId})`;
      });
    },
  };
}
