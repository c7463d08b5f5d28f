import { describe, expect, it } from 'vitest';
import { createEventStore, type EventStore } from './eventStore';
import { handleCommand } from './handleCommand';
import { line, orderDecider, type OrderCommand } from './orderFixture';
import { catchUp, createProjection, type ProjectionDefinition, type ProjectionState } from './projection';
import { load } from './load';

const perStatus: ProjectionDefinition<Record<string, number>> = {
  name: 'per-status',
  eventTypes: ['OrderPlaced', 'OrderShipped', 'OrderCancelled'],
  init: () => ({}),
  apply: (model, e) => ({ ...model, [e.type]: (model[e.type] ?? 0) + 1 }),
};

/** A run of commands over a few orders; returns what it observed. */
function run(store: EventStore, projection: ProjectionState<Record<string, number>>, from: number): unknown[] {
  const seen: unknown[] = [];
  for (let t = from; t < from + 30; t++) {
    const streamId = `Order-${t % 4}`;
    const commands: OrderCommand[] = [{ kind: 'place', lines: [line(`p${t}`)] }, { kind: 'addLine', line: line(`l${t}`, t) }, { kind: 'ship' }, { kind: 'cancel', reason: 'r' }];
    seen.push(handleCommand(store, orderDecider, commands[t % commands.length]!, { streamId, now: t, commandId: `cmd-${t}` }));
    if (t % 5 === 0) seen.push(catchUp(perStatus, projection, store, 3));
  }
  seen.push(load(store, orderDecider, 'Order-1'));
  return seen;
}

describe('the event store is plain data', () => {
  it('a structuredClone snapshot continues exactly as the original does, and survives JSON', () => {
    const store = createEventStore({ snapshotEvery: 3 });
    const projection = createProjection(perStatus);
    run(store, projection, 0);
    const snapshot = structuredClone({ store, projection });
    expect(JSON.parse(JSON.stringify({ store, projection }))).toEqual({ store, projection });
    const original = run(store, projection, 30);
    const replayed = run(snapshot.store, snapshot.projection, 30);
    expect(replayed).toEqual(original);
    expect(snapshot).toEqual({ store, projection });
  });
});
