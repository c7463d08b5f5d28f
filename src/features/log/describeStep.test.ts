import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../engine/stepRecord';
import { describeStep } from './describeStep';

const names = (id: string) => ({ orders: 'Orders', 'order-events': 'order-events' })[id] ?? id;

describe('describeStep', () => {
  it('describes a manual publish with its topics and business id', () => {
    const record: StepRecord = {
      kind: 'publish',
      step: 0,
      time: 0,
      node: 'orders',
      topics: ['order-events'],
      manual: true,
      event: {
        specversion: '1.0',
        id: 'e1',
        source: 'orders',
        type: 'OrderPlaced',
        time: '',
        datacontenttype: 'application/json',
        data: { orderId: 'ord-manual-1' },
        correlationid: 'e1',
        sequence: 1,
      },
    };
    expect(describeStep(record, names)).toEqual({ what: 'OrderPlaced e1 → order-events (by hand)', logs: ['orderId ord-manual-1'], failed: false });
  });

  it('marks failed deliveries and keeps handler log lines', () => {
    const record: StepRecord = {
      kind: 'deliver',
      step: 2,
      time: 20,
      node: 'email',
      topic: 'order-events',
      offset: 0,
      eventId: 'e1',
      eventType: 'OrderPlaced',
      outcome: 'failed',
      error: 'boom',
      logs: ['hello'],
    };
    expect(describeStep(record, names)).toEqual({ what: 'OrderPlaced e1 failed: boom', logs: ['hello'], failed: true });
  });
});
