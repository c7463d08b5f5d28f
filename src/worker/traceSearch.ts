import { ConversationTracer, conversationOf, type StepRecord, type TraceLink } from '../engine';
import { scanSteps, type RowReader } from './stepSearch';

/** Steps a trace reads after its first; a conversation that runs longer is shown in part and says so. */
const TRACE_WINDOW = 50_000;

export interface Trace {
  readonly correlationId: string;
  readonly links: readonly TraceLink[];
  /** The window ended before the branch did: later steps of the conversation may be missing. */
  readonly truncated: boolean;
}

/** The id `record` was produced from when it produced `id` but is not a conversation's start: an append's command, a reply's request. */
function producedFrom(record: StepRecord, id: string): string | undefined {
  if (record.kind === 'append' && record.events?.some((e) => e.eventId === id)) return record.commandId;
  if (record.kind === 'queue-deliver' && record.replyEventId === id) return record.eventId;
  return undefined;
}

/**
 * The conversation an event or command belongs to: walks back from the head to the step that
 * produced it (through appends to their command, replies to their request) to the first publish or
 * command, then follows the conversation forward from there.
 */
export async function traceConversation(read: RowReader, head: number, id: string): Promise<Trace | null> {
  let target = id;
  let correlationId: string | undefined;
  const root = await scanSteps(read, 0, head, 'backward', (record) => {
    correlationId = conversationOf(record, target);
    if (correlationId !== undefined) return true;
    const from = producedFrom(record, target);
    if (from !== undefined) target = from;
    return false;
  });
  if (!root || correlationId === undefined) return null;
  // The conversation starts where its correlation id was first produced (the first event or command).
  const conversation = correlationId;
  const start =
    (await scanSteps(
      read,
      0,
      root.step + 1,
      'backward',
      (record) => conversationOf(record, conversation) === conversation,
    )) ?? root;
  const tracer = new ConversationTracer(conversation);
  const end = Math.min(head, start.step + TRACE_WINDOW);
  await scanSteps(read, start.step, end, 'forward', (record) => {
    tracer.visit(record);
    return false;
  });
  return { correlationId: conversation, links: tracer.links, truncated: end < head };
}
