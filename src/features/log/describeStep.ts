import type { DeliverStep, RebalanceStep, StepRecord } from '../../engine/stepRecord';
import { bracketList, offsetList } from '../../state';

export interface StepDescription {
  readonly what: string;
  /** Secondary text: the lines a handler wrote with ctx.log, or a published event's business id. */
  readonly logs: readonly string[];
  readonly failed: boolean;
}

type NameOf = (nodeId: string) => string;

/** One line a person can read for a step of the log. */
export function describeStep(record: StepRecord, nameOf: NameOf): StepDescription {
  switch (record.kind) {
    case 'publish': {
      // Where it landed ("orders[3]@12") when the engine says so, else the topics.
      const places = record.placed?.map((p) => `${nameOf(p.topic)}[${p.partition}]@${p.offset}`) ?? record.topics.map(nameOf);
      const topics = places.length > 0 ? places.join(', ') : '(no topic)';
      const byHand = record.manual ? ' (by hand)' : '';
      const key = businessKey(record.event.data);
      return { what: `${record.event.type} ${record.event.id} → ${topics}${byHand}`, logs: key ? [key] : [], failed: false };
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
      const what =
        record.action === 'crash'
          ? `crashed${record.sessionExpiresAt === undefined ? '' : ` (group ${record.group} notices at t = ${(record.sessionExpiresAt / 1000).toFixed(3)} s)`}`
          : `restarted (rejoins group ${record.group})`;
      return { what, logs: [], failed: false };
    }
    case 'offsets-reset':
      return record.offsets
        ? { what: `offsets of ${record.group} reset to ${record.target}: ${offsetList(record.offsets, nameOf)}`, logs: [], failed: false }
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
  const outcome = record.fetchedOnly ? 'fetched (handled in a later step)' : failed ? `failed: ${record.error ?? 'the handler failed'}` : 'handled';
  const committed = record.committed && Object.keys(record.committed).length > 0 ? ` · committed ${offsetList(record.committed, nameOf)}` : '';
  return { what: `${record.eventType} ${record.eventId} ${at} ${outcome}${committed}`, logs: record.logs ?? [], failed };
}

/** "rebalance billing → generation 2 (session-expired): Billing 1 orders[0,1] → orders[0,1,2]; Billing 2 orders[2,3] → (removed)" */
function describeRebalance(record: RebalanceStep, nameOf: NameOf): string {
  const members = [...new Set([...Object.keys(record.before), ...Object.keys(record.after)])].sort();
  const moves = members.map((member) => {
    const before = record.before[member];
    const after = record.after[member];
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
