import { describe, expect, it } from 'vitest';
import { eventTypeEntries, eventTypeNameProblem } from './eventTypeEntries';

describe('the event types the Schemas panel lists', () => {
  it('lists types with schemas and types producers publish, with their newest version and producers', () => {
    const flow = {
      format: 'tidemark-flow',
      version: 1,
      name: 'f',
      seed: 1,
      nodes: [
        { id: 'a', kind: 'producer', name: 'Shop', eventType: 'OrderPlaced', rate: 1, payload: {} },
        { id: 'b', kind: 'producer', name: 'App', eventType: 'OrderPlaced', rate: 1, payload: {} },
      ],
      edges: [],
      schemas: {
        UserRegistered: {
          versions: [
            { version: 1, schema: {} },
            { version: 2, schema: {} },
          ],
        },
      },
      code: {},
      layout: {},
    } as const;
    expect(eventTypeEntries(flow as never)).toEqual([
      { eventType: 'OrderPlaced', newest: null, producers: ['Shop', 'App'] },
      { eventType: 'UserRegistered', newest: 2, producers: [] },
    ]);
  });

  it('refuses a new type name that is not one, or is taken', () => {
    expect(eventTypeNameProblem('shop.OrderShipped', [])).toBeNull();
    expect(eventTypeNameProblem('', [])).toMatch(/type a name/);
    expect(eventTypeNameProblem('1st', [])).toMatch(/a letter, then/);
    expect(eventTypeNameProblem('OrderPlaced', ['OrderPlaced'])).toMatch(/already listed/);
  });

  it('lists the event types aggregates decide and read models filter on', () => {
    const flow = {
      format: 'tidemark-flow',
      version: 1,
      name: 'f',
      seed: 1,
      nodes: [
        { id: 'order', kind: 'aggregate', name: 'Order', latencyMs: 0 },
        { id: 'view', kind: 'projection', name: 'View', latencyMs: 0, eventTypes: ['OrderShipped'] },
      ],
      edges: [],
      schemas: {},
      code: {
        order:
          "function decide(c, s) { return [{ type: 'OrderPlaced', data: {} }]; }\nfunction evolve(s) { return s; }",
      },
      layout: {},
    } as const;
    expect(eventTypeEntries(flow as never).map((e) => e.eventType)).toEqual(['OrderPlaced', 'OrderShipped']);
  });
});
