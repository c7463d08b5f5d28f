import { setOwn } from '../../../lib/ownRecord';
import type { Headers, Message } from './message';
import { DEFAULT_EXCHANGE } from './topology';

/** A request a requester is waiting on, keyed by its correlation id. */
export interface PendingRequest {
  readonly correlationId: string;
  /** The queue replies should come to (the request's reply-to property). */
  readonly replyTo: string;
  readonly sentAt: number;
}

/** A requester's outstanding requests by correlation id: plain data in its node state. */
export type PendingRequests = Record<string, PendingRequest>;

export function trackRequest(pending: PendingRequests, request: PendingRequest): void {
  setOwn(pending, request.correlationId, request);
}

export type ReplyMatch =
  /** The reply answers this request, which is no longer pending. */
  | { readonly kind: 'matched'; readonly request: PendingRequest }
  /** No pending request has this correlation id (late, duplicate, or someone else's): the RPC tutorial ignores it. */
  | { readonly kind: 'unknown'; readonly correlationId?: string };

/** Pairs a reply with the request it answers by correlation id; a second reply to the same request is unknown. */
export function matchReply(pending: PendingRequests, reply: Pick<Message, 'correlationId'>): ReplyMatch {
  const id = reply.correlationId;
  const request = id === undefined || !Object.hasOwn(pending, id) ? undefined : pending[id];
  if (id === undefined || request === undefined)
    return id === undefined ? { kind: 'unknown' } : { kind: 'unknown', correlationId: id };
  delete pending[id];
  return { kind: 'matched', request };
}

/**
 * The reply a responder publishes: to the default exchange with the request's reply-to as routing
 * key, carrying its correlation id. Undefined when the request named no reply-to.
 */
export function buildReply(
  request: Message,
  reply: { readonly id: string; readonly body: unknown; readonly headers?: Headers },
): Message | undefined {
  if (request.replyTo === undefined) return undefined;
  return {
    id: reply.id,
    exchange: DEFAULT_EXCHANGE,
    routingKey: request.replyTo,
    headers: reply.headers ?? {},
    body: reply.body,
    ...(request.correlationId !== undefined ? { correlationId: request.correlationId } : {}),
  };
}
