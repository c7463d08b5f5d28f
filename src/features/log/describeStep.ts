import type { StepRecord } from '../../engine/stepRecord';

export interface StepDescription {
  readonly what: string;
  /** Secondary text: the lines a handler wrote with ctx.log, or a published event's business id. */
  readonly logs: readonly string[];
  readonly failed: boolean;
}

/** One line a person can read for a step of the log. */
export function describeStep(record: StepRecord, nameOf: (nodeId: string) => string): StepDescription {
  switch (record.kind) {
    case 'publish': {
      const topics = record.topics.length > 0 ? record.topics.map(nameOf).join(', ') : '(no topic)';
      const byHand = record.manual ? ' (by hand)' : '';
      const key = businessKey(record.event.data);
      return { what: `${record.event.type} ${record.event.id} → ${topics}${byHand}`, logs: key ? [key] : [], failed: false };
    }
    case 'deliver': {
      const failed = record.outcome === 'failed';
      const outcome = failed ? `failed: ${record.error ?? 'the handler failed'}` : 'handled';
      return { what: `${record.eventType} ${record.eventId} ${outcome}`, logs: record.logs ?? [], failed };
    }
    case 'flow-change':
      return { what: `Flow changed: ${record.summary}`, logs: [], failed: false };
    case 'fault':
      return { what: `fault: ${record.error}`, logs: [], failed: true };
  }
}

/** "orderId ord-x1" from a payload's first `id`/`…Id` string field, so a person can tell events apart. */
function businessKey(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  for (const [key, value] of Object.entries(data)) {
    if ((key === 'id' || key.endsWith('Id')) && typeof value === 'string') return `${key} ${value}`;
  }
  return null;
}
