import type {
  AmqpRoute,
  ChannelNote,
  DeathNote,
  DeliverStep,
  QueueDeliverStep,
  RebalanceStep,
  StepRecord,
} from '../../engine';
import { getOwn } from '../../lib/ownRecord';
import { bracketList, offsetList } from '../../state';

export interface StepDescription {
  readonly what: string;
  /** Secondary text: the lines a handler wrote with ctx.log, or a published event's business id. */
  readonly logs: readonly string[];
  readonly failed: boolean;
}

type NameOf = (nodeId: string) => string;

/** One line a person can read for a step of the log; a step that broke an invariant says so. */
export function describeStep(record: StepRecord, nameOf: NameOf): StepDescription {
  const described = describeKind(record, nameOf);
  if (!record.broken) return described;
  return {
    ...described,
    logs: [...record.broken.map((b) => `invariant broken: ${b.name} — ${b.reason}`), ...described.logs],
    failed: true,
  };
}

function describeKind(record: StepRecord, nameOf: NameOf): StepDescription {
  switch (record.kind) {
    case 'publish': {
      // Where it landed ("orders[3]@12") when the engine says so, else the topics.
      const places = [
        ...(record.placed?.map((p) => `${nameOf(p.topic)}[${p.partition}]@${p.offset}`) ?? record.topics.map(nameOf)),
        ...(record.amqp ?? []).map((r) => describeRoute(r, nameOf)),
        ...(record.channels ?? []).map((c) => describeChannel(c, nameOf)),
      ];
      const topics = places.length > 0 ? places.join(', ') : '(not wired to a broker)';
      const byHand = record.manual ? ' (by hand)' : '';
      const key = businessKey(record.event.data);
      const unrouted =
        (record.amqp ?? []).some((r) => r.outcome !== 'routed') ||
        (record.channels ?? []).some((c) => c.receivers.length === 0);
      return {
        what: `${record.event.type} ${record.event.id} → ${topics}${byHand}`,
        logs: [...(key ? [key] : []), ...deathLines(record.deaths, nameOf)],
        failed: unrouted,
      };
    }
    case 'queue-deliver':
      return describeQueueDelivery(record, nameOf);
    case 'expire':
      return {
        what: `${record.deaths.length} expired in ${nameOf(record.node)}`,
        logs: deathLines(record.deaths, nameOf),
        failed: true,
      };
    case 'command': {
      const by = record.source === 'manual' ? ' (by hand)' : '';
      const loaded = `${record.streamId} v${record.version}${record.snapshotVersion === undefined ? '' : ` (snapshot v${record.snapshotVersion} + ${record.replayed ?? 0})`}`;
      if (record.outcome === 'decided')
        return {
          what: `${record.commandType}${by} → ${loaded}: decided ${record.events?.join(', ') || 'nothing'}`,
          logs: [],
          failed: false,
        };
      return {
        what: `${record.commandType}${by} → ${loaded}: ${record.outcome} — ${record.reason ?? ''}`,
        logs: [],
        failed: true,
      };
    }
    case 'append': {
      const head = `${record.commandType} → ${record.streamId} expecting v${record.expectedVersion}`;
      if (record.outcome === 'appended') {
        const events = record.events?.map((e) => `${e.type} v${e.version} @${e.position}`).join(', ') ?? '';
        const snapshots = record.snapshots ? ` · snapshot at v${record.snapshots.join(', v')}` : '';
        return { what: `${head}: appended ${events}${snapshots}`, logs: [], failed: false };
      }
      if (record.outcome === 'failed')
        return { what: `${head}: failed — ${record.reason ?? ''}`, logs: [], failed: true };
      const then =
        record.then === 'retry'
          ? `retry ${record.attempt}, deciding again on v${record.actualVersion}`
          : record.then === 'rejected'
            ? `decided again: rejected — ${record.reason ?? ''}`
            : 'command failed';
      return { what: `${head}: conflict, stream at v${record.actualVersion} → ${then}`, logs: [], failed: true };
    }
    case 'rebuild':
      return {
        what: `rebuild: read model reset; reading ${record.events} events again from the start`,
        logs: [],
        failed: false,
      };
    case 'pubsub-deliver': {
      const failed = record.outcome === 'failed';
      const on = `on ${nameOf(record.pubsub)} channel ${record.channel}${record.pattern === undefined ? '' : ` (pattern ${record.pattern})`}`;
      return {
        what: `${record.eventType} ${record.eventId} ${on} ${failed ? `failed: ${record.error ?? 'the handler failed'}` : 'handled'}`,
        logs: record.logs ?? [],
        failed,
      };
    }
    case 'deliver':
      return describeDelivery(record, nameOf);
    case 'flow-change':
      return { what: `Flow changed: ${record.summary}`, logs: [], failed: false };
    case 'fault':
      return { what: `fault: ${record.error}`, logs: [], failed: true };
    case 'rebalance':
      return { what: describeRebalance(record, nameOf), logs: [], failed: false };
    case 'commit':
      return { what: `commit ${record.group} ${offsetList(record.offsets, nameOf)}`, logs: [], failed: false };
    case 'consumer': {
      const lost = [
        record.requeued ? `${record.requeued} unacked requeued` : '',
        record.lost ? `${record.lost} taken but not handled lost` : '',
      ].filter(Boolean);
      const what =
        record.action === 'crash'
          ? `crashed${record.sessionExpiresAt === undefined ? '' : ` (group ${record.group ?? ''} notices at t = ${(record.sessionExpiresAt / 1000).toFixed(3)} s)`}${lost.length > 0 ? `; ${lost.join(', ')}` : ''}`
          : `restarted${record.group === undefined ? '' : ` (rejoins group ${record.group})`}`;
      return { what, logs: [], failed: false };
    }
    case 'offsets-reset':
      return record.offsets
        ? {
            what: `offsets of ${record.group} reset to ${record.target}: ${offsetList(record.offsets, nameOf)}`,
            logs: [],
            failed: false,
          }
        : { what: `offsets of ${record.group} not reset: ${record.error ?? 'refused'}`, logs: [], failed: true };
    case 'cleanup': {
      const records = record.removed === 1 ? 'record' : 'records';
      return {
        what: `${record.reason} removed ${record.removed} ${records} from partition ${record.partition}; log starts at ${record.logStartOffset}`,
        logs: [],
        failed: false,
      };
    }
  }
}

/** "OrderPlaced e1 order-events[2]@15 handled · committed order-events[2] → 16" */
function describeDelivery(record: DeliverStep, nameOf: NameOf): StepDescription {
  const failed = record.outcome === 'failed';
  const at = `${nameOf(record.topic)}${record.partition === undefined ? '' : `[${record.partition}]`}@${record.offset}`;
  const outcome = record.fetchedOnly
    ? 'fetched (handled in a later step)'
    : failed
      ? `failed: ${record.error ?? 'the handler failed'}`
      : 'handled';
  const committed =
    record.committed && Object.keys(record.committed).length > 0
      ? ` · committed ${offsetList(record.committed, nameOf)}`
      : '';
  return {
    what: `${record.eventType} ${record.eventId} ${at} ${outcome}${committed}`,
    logs: record.logs ?? [],
    failed,
  };
}

/** "orders "order.eu.placed" → EU orders, All orders", or why nothing took it. */
function describeRoute(route: AmqpRoute, nameOf: NameOf): string {
  const exchange = route.exchange === '' ? 'default exchange' : nameOf(route.exchange);
  const head = `${exchange} "${route.routingKey}"`;
  if (route.outcome === 'refused') return `${head} refused: ${route.error ?? ''}`;
  if (route.outcome === 'dropped') return `${head} unroutable, dropped`;
  if (route.outcome === 'returned') return `${head} unroutable, returned (mandatory)`;
  const refused =
    route.rejectedBy && route.rejectedBy.length > 0
      ? ` (full, refused by ${route.rejectedBy.map(nameOf).join(', ')})`
      : '';
  return `${head}${route.viaAlternate ? ' via alternate exchange' : ''} → ${route.queues.map(nameOf).join(', ')}${refused}`;
}

function describeChannel(note: ChannelNote, nameOf: NameOf): string {
  const to = note.receivers.length === 0 ? 'no subscriber, gone' : note.receivers.map(nameOf).join(', ');
  return `${nameOf(note.pubsub)} channel ${note.channel} → ${to}`;
}

/** One line per message a queue let go of: "OrderPlaced m1 dead-lettered from Payments (rejected) → Payments DLQ". */
function deathLines(deaths: readonly DeathNote[] | undefined, nameOf: NameOf): string[] {
  return (deaths ?? []).map((d) => {
    const where =
      d.exchange === undefined
        ? 'dropped'
        : d.deadLetteredTo && d.deadLetteredTo.length > 0
          ? `→ ${d.deadLetteredTo.map(nameOf).join(', ')}`
          : '→ nowhere (nothing bound to the DLX)';
    return `${d.eventType} ${d.messageId} ${d.exchange === undefined ? '' : 'dead-lettered '}from ${nameOf(d.queue)} (${d.reason}) ${where}`;
  });
}

const SETTLED: Readonly<Record<QueueDeliverStep['settle'], string>> = {
  ack: 'acked',
  requeue: 'nacked, requeued',
  'dead-letter': 'rejected, dead-lettered',
  drop: 'rejected, dropped',
  'auto-ack': 'auto-acked',
};

/** "PaymentRequested m1 from Payments #7 (redelivered) failed: … · rejected, dead-lettered" */
function describeQueueDelivery(record: QueueDeliverStep, nameOf: NameOf): StepDescription {
  const failed = record.outcome === 'failed';
  const from = `from ${nameOf(record.queue)} #${record.deliveryTag}${record.redelivered ? ' (redelivered)' : ''}`;
  const outcome = failed ? `failed: ${record.error ?? 'the handler failed'}` : 'handled';
  const reply = record.reply ? ` · replied ${describeRoute(record.reply, nameOf)}` : '';
  const replyOf = record.replyOf
    ? record.replyOf.matched
      ? ` · reply to ${nameOf(record.replyOf.producer)}'s request (round trip ${record.replyOf.roundTripMs ?? 0} ms)`
      : ` · no request of ${nameOf(record.replyOf.producer)} has this correlation id`
    : '';
  return {
    what: `${record.eventType} ${record.eventId} ${from} ${outcome} · ${SETTLED[record.settle]}${reply}${replyOf}`,
    logs: [...(record.logs ?? []), ...deathLines(record.deaths, nameOf)],
    failed: failed || record.settle === 'requeue' || record.settle === 'dead-letter' || record.settle === 'drop',
  };
}

/** "rebalance billing → generation 2 (session-expired): Billing 1 orders[0,1] → orders[0,1,2]; Billing 2 orders[2,3] → (removed)" */
function describeRebalance(record: RebalanceStep, nameOf: NameOf): string {
  const members = [...new Set([...Object.keys(record.before), ...Object.keys(record.after)])].sort();
  const moves = members.map((member) => {
    const before = getOwn(record.before, member);
    const after = getOwn(record.after, member);
    const from = before === undefined ? '(joined)' : bracketList(before, nameOf);
    const to = after === undefined ? '(removed)' : bracketList(after, nameOf);
    return `${nameOf(member)} ${from} → ${to}`;
  });
  return `rebalance ${record.group} → generation ${record.generation} (${record.reason})${moves.length > 0 ? `: ${moves.join('; ')}` : ''}`;
}

/** "orderId ord-x1" from a payload's first `id`/`…Id` string field, so a person can tell events apart. */
function businessKey(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  for (const [key, value] of Object.entries(data)) {
    if ((key === 'id' || key.endsWith('Id')) && typeof value === 'string') return `${key} ${value}`;
  }
  return null;
}
