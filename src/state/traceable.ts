import type { StepRecord } from '../engine';

/** The id a log row can start a causation trace from: its event, its command, or the first event it appended. */
export function traceableId(record: StepRecord): { id: string; type: string } | undefined {
  switch (record.kind) {
    case 'publish':
      return { id: record.event.id, type: record.event.type };
    case 'deliver':
    case 'queue-deliver':
    case 'pubsub-deliver':
      return { id: record.eventId, type: record.eventType };
    case 'command':
      return { id: record.commandId, type: record.commandType };
    case 'append': {
      const first = record.events?.[0];
      return first ? { id: first.eventId, type: first.type } : { id: record.commandId, type: record.commandType };
    }
    default:
      return undefined;
  }
}
