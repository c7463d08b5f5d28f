import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type StepRecord } from '../engine';
import { Runtime } from '../run';
import { parseFlow } from '../flow';
import { traceConversation } from './traceSearch';

function logOf(example: string, steps: number): StepRecord[] {
  const parsed = parseFlow(readFileSync(new URL(`../../public/examples/${example}.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('bad example');
  const runtime = Runtime.start(parsed.flow);
  return Array.from({ length: steps }, () => runtime.step()!);
}

const reader = (log: StepRecord[]) => (from: number, count: number) => Promise.resolve(log.slice(from, from + count));

describe('causation traces from the log', () => {
  it('follows an order from the command through its events, the policies and their commands, to the shipment', async () => {
    const log = logOf('online-shop', 600);
    const shipped = log.find(
      (r): r is Extract<StepRecord, { kind: 'append' }> =>
        r.kind === 'append' && r.events?.[0]?.type === 'OrderShipped',
    )!;
    const trace = (await traceConversation(reader(log), log.length, shipped.events![0]!.eventId))!;
    const actions = trace.links.map((l) => `${l.from ?? '-'} → ${l.node} ${l.action} ${l.type}`);
    expect(actions[0]).toBe('checkout → order command PlaceOrder');
    expect(actions).toContain('- → order appended OrderPlaced');
    expect(actions).toContain('- → payments handled OrderPlaced');
    expect(actions).toContain('payments → order command ConfirmPayment');
    expect(actions).toContain('inventory → order command ReserveStock');
    expect(actions).toContain('shipping → order command ShipOrder');
    expect(actions).toContain('- → order appended OrderShipped');
    // Every step in it belongs to this order's stream or handles its events.
    const correlation = trace.correlationId;
    expect(log.find((r) => r.kind === 'command' && r.commandId === correlation)).toBeDefined();
    expect(trace.truncated).toBe(false);
  });

  it('follows a request to its reply and the requester handling it', async () => {
    const log = logOf('request-reply', 200);
    const request = log.find((r): r is Extract<StepRecord, { kind: 'publish' }> => r.kind === 'publish')!;
    const trace = (await traceConversation(reader(log), log.length, request.event.id))!;
    expect(trace.links.map((l) => `${l.node} ${l.action} ${l.type}`)).toEqual([
      'client published QuoteRequested',
      'price-service handled QuoteRequested',
      'checkout-inbox handled QuoteGiven',
    ]);
    const reply = trace.links[1]!.produced[0]!;
    expect(trace.links[2]!.cause).toBe(reply);
    // Starting from the reply finds the same conversation.
    expect((await traceConversation(reader(log), log.length, reply))!.correlationId).toBe(trace.correlationId);
  });

  it('is null for an id no step produced', async () => {
    expect(await traceConversation(reader(logOf('orders', 50)), 50, 'nope')).toBeNull();
  });
});
