import { describe, expect, it } from 'vitest';
import type { Message } from './message';
import { type PendingRequests, buildReply, matchReply, trackRequest } from './requestReply';

const request: Message = {
  id: 'r1',
  exchange: '',
  routingKey: 'rpc',
  headers: {},
  body: { n: 30 },
  replyTo: 'amq.gen-reply',
  correlationId: 'corr-1',
};

describe('request-reply', () => {
  it('matches a reply to the pending request with the same correlation id, once', () => {
    const pending: PendingRequests = {};
    trackRequest(pending, { correlationId: 'corr-1', replyTo: 'amq.gen-reply', sentAt: 10 });
    trackRequest(pending, { correlationId: 'corr-2', replyTo: 'amq.gen-reply', sentAt: 20 });
    expect(matchReply(pending, { correlationId: 'corr-2' })).toEqual({
      kind: 'matched',
      request: { correlationId: 'corr-2', replyTo: 'amq.gen-reply', sentAt: 20 },
    });
    expect(Object.keys(pending)).toEqual(['corr-1']);
    expect(matchReply(pending, { correlationId: 'corr-2' })).toEqual({ kind: 'unknown', correlationId: 'corr-2' });
  });

  it("treats a reply without correlation id, or with a stranger's, as unknown", () => {
    const pending: PendingRequests = {};
    expect(matchReply(pending, {})).toEqual({ kind: 'unknown' });
    expect(matchReply(pending, { correlationId: 'toString' })).toEqual({ kind: 'unknown', correlationId: 'toString' });
  });

  it('builds the reply for the default exchange, routed by reply-to, carrying the correlation id', () => {
    expect(buildReply(request, { id: 'r1-reply', body: { fib: 832040 } })).toEqual({
      id: 'r1-reply',
      exchange: '',
      routingKey: 'amq.gen-reply',
      headers: {},
      body: { fib: 832040 },
      correlationId: 'corr-1',
    });
  });

  it('has nothing to reply to when the request named no reply-to', () => {
    const { replyTo: _none, ...oneWay } = request;
    expect(buildReply(oneWay, { id: 'x', body: null })).toBeUndefined();
  });
});
