import type { StepRecord } from './stepRecord';

// A conversation is everything a first event or command led to: events and commands carry its
// correlation id and each names its cause. From the log's steps this rebuilds the chain: who
// produced each id, who handled it, and what it caused, in step order.

/** One step of a conversation as the trace shows it. */
export interface TraceLink {
  readonly step: number;
  readonly time: number;
  readonly node: string;
  /** published, handled, command, appended, conflict or replied. */
  readonly action: 'published' | 'handled' | 'failed' | 'command' | 'rejected' | 'appended' | 'conflict';
  /** Event or command type. */
  readonly type: string;
  /** The id this step consumed (the event handled, the event that caused a command, the command appended). */
  readonly cause?: string;
  /** Ids this step produced (the event published, the command, the events appended, a reply). */
  readonly produced: readonly string[];
  /** A command: the node that sent it (a command source or a policy); the step itself is the aggregate deciding. */
  readonly from?: string;
}

/** The conversation (correlation id) of the step that produced `id`, if this step did. */
export function conversationOf(record: StepRecord, id: string): string | undefined {
  if (record.kind === 'publish' && record.event.id === id) return record.event.correlationid;
  if (record.kind === 'command' && record.commandId === id) return record.correlationId;
  return undefined;
}

/**
 * Follows a conversation through steps in log order: a step joins when it produces an id of the
 * conversation (a publish or command carrying its correlation id, an append of one of its commands,
 * a reply to one of its events) or handles one.
 */
export class ConversationTracer {
  private readonly ids = new Set<string>();
  readonly links: TraceLink[] = [];

  constructor(readonly correlationId: string) {}

  visit(record: StepRecord): void {
    const link = this.linkOf(record);
    if (!link) return;
    for (const id of link.produced) this.ids.add(id);
    this.links.push(link);
  }

  private linkOf(r: StepRecord): TraceLink | undefined {
    const base = { step: r.step, time: r.time, node: r.node };
    switch (r.kind) {
      case 'publish':
        return r.event.correlationid === this.correlationId
          ? { ...base, action: 'published', type: r.event.type, produced: [r.event.id] }
          : undefined;
      case 'command':
        if (r.correlationId !== this.correlationId) return undefined;
        return {
          ...base,
          action: r.outcome === 'decided' ? 'command' : 'rejected',
          type: r.commandType,
          ...(r.causationId !== null ? { cause: r.causationId } : {}),
          ...(r.source !== 'manual' ? { from: r.source } : {}),
          produced: [r.commandId],
        };
      case 'append':
        if (!this.ids.has(r.commandId)) return undefined;
        if (r.outcome !== 'appended')
          return { ...base, action: 'conflict', type: r.commandType, cause: r.commandId, produced: [] };
        return {
          ...base,
          action: 'appended',
          type: (r.events ?? []).map((e) => e.type).join(', '),
          cause: r.commandId,
          produced: (r.events ?? []).map((e) => e.eventId),
        };
      case 'deliver':
      case 'pubsub-deliver':
        return this.ids.has(r.eventId)
          ? {
              ...base,
              action: r.outcome === 'failed' ? 'failed' : 'handled',
              type: r.eventType,
              cause: r.eventId,
              produced: [],
            }
          : undefined;
      case 'queue-deliver':
        if (!this.ids.has(r.eventId)) return undefined;
        return {
          ...base,
          action: r.outcome === 'failed' ? 'failed' : 'handled',
          type: r.eventType,
          cause: r.eventId,
          produced: r.replyEventId !== undefined ? [r.replyEventId] : [],
        };
      default:
        return undefined;
    }
  }
}
