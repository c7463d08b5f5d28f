import { describe, expect, it } from 'vitest';
import type { StepRecord } from './stepRecord';
import { stepTouchesNode } from './stepTouchesNode';

const event = {
  specversion: '1.0',
  id: 'e1',
  source: '/producers/orders',
  type: 'OrderPlaced',
  time: '',
  datacontenttype: 'application/json',
  data: {},
  correlationid: 'e1',
  sequence: 1,
} as const;
const publish: StepRecord = {
  kind: 'publish',
  step: 1,
  time: 0,
  node: 'orders',
  event,
  topics: ['orders-topic', 'audit'],
};
const deliver: StepRecord = {
  kind: 'deliver',
  step: 2,
  time: 0,
  node: 'billing-1',
  topic: 'orders-topic',
  partition: 0,
  offset: 0,
  eventId: 'e1',
  eventType: 'OrderPlaced',
  outcome: 'handled',
};
const rebalance: StepRecord = {
  kind: 'rebalance',
  step: 3,
  time: 0,
  node: '',
  group: 'billing',
  generation: 2,
  reason: 'member-left',
  before: { 'billing-1': ['orders-topic:0'], 'billing-2': ['orders-topic:1'] },
  after: { 'billing-1': ['orders-topic:0', 'orders-topic:1'] },
};

describe('stepTouchesNode', () => {
  it('is true for the node that acted', () => {
    expect(stepTouchesNode(publish, { id: 'orders' })).toBe(true);
    expect(stepTouchesNode(deliver, { id: 'billing-1', group: 'billing' })).toBe(true);
  });

  it('is true for every topic a publish went to, not for others', () => {
    expect(stepTouchesNode(publish, { id: 'orders-topic' })).toBe(true);
    expect(stepTouchesNode(publish, { id: 'audit' })).toBe(true);
    expect(stepTouchesNode(publish, { id: 'payments' })).toBe(false);
  });

  it('is true for the topic a delivery came from', () => {
    expect(stepTouchesNode(deliver, { id: 'orders-topic' })).toBe(true);
    expect(stepTouchesNode(deliver, { id: 'billing-2', group: 'billing' })).toBe(false);
  });

  it('is true for a rebalance of the node’s group, or one it was moved in or out by', () => {
    expect(stepTouchesNode(rebalance, { id: 'billing-3', group: 'billing' })).toBe(true);
    // Left the group: it was in the before assignment; its group setting has since changed.
    expect(stepTouchesNode(rebalance, { id: 'billing-2', group: 'other' })).toBe(true);
    expect(stepTouchesNode(rebalance, { id: 'revenue', group: 'revenue' })).toBe(false);
    expect(stepTouchesNode(rebalance, { id: 'orders-topic' })).toBe(false);
    // members are keys of before/after: a node named like an Object.prototype member is in them only when it is
    expect(stepTouchesNode(rebalance, { id: 'constructor', group: 'other' })).toBe(false);
    expect(
      stepTouchesNode(
        { ...rebalance, after: JSON.parse('{"__proto__": []}') as Record<string, string[]> },
        { id: '__proto__', group: 'other' },
      ),
    ).toBe(true);
  });

  it('is false for steps of other nodes', () => {
    const commit: StepRecord = {
      kind: 'commit',
      step: 4,
      time: 0,
      node: 'billing-1',
      group: 'billing',
      offsets: { 'orders-topic:0': 1 },
    };
    expect(stepTouchesNode(commit, { id: 'billing-2', group: 'billing' })).toBe(false);
    expect(stepTouchesNode(commit, { id: 'orders-topic' })).toBe(false);
  });

  it('follows a message through exchanges, queues and pub/sub, and a command to where it came from', () => {
    const routed: StepRecord = {
      ...publish,
      topics: [],
      amqp: [{ exchange: 'x', routingKey: 'k', outcome: 'routed', queues: ['q1'] }],
      channels: [{ pubsub: 'ps', channel: 'c', receivers: [] }],
    };
    for (const id of ['x', 'q1', 'ps']) expect(stepTouchesNode(routed, { id }), id).toBe(true);
    expect(stepTouchesNode(routed, { id: 'q2' })).toBe(false);
    const died: StepRecord = {
      kind: 'expire',
      step: 4,
      time: 0,
      node: 'q1',
      deaths: [
        { queue: 'q1', messageId: 'm', eventType: 'T', reason: 'expired', exchange: 'dlx', deadLetteredTo: ['dlq'] },
      ],
    };
    expect(stepTouchesNode(died, { id: 'dlq' })).toBe(true);
    const command: StepRecord = {
      kind: 'command',
      step: 5,
      time: 0,
      node: 'order',
      source: 'checkout',
      commandId: 'c',
      commandType: 'PlaceOrder',
      streamId: 'Order-1',
      correlationId: 'c',
      causationId: null,
      version: 0,
      attempt: 1,
      outcome: 'decided',
    };
    expect(stepTouchesNode(command, { id: 'checkout' })).toBe(true);
  });
});
