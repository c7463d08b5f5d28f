import { describe, expect, it } from 'vitest';
import { createEventStore, type EventStore } from './eventStore';
import { load } from './load';
import { decideAndAppend, line, orderDecider, type OrderCommand } from './orderFixture.testkit';
import { readByCorrelationId } from './read';

/** A run of commands over a few orders; returns what it observed. */
function run(store: EventStore, from: number): unknown[] {
  const seen: unknown[] = [];
  for (let t = from; t < from + 30; t++) {
    const streamId = `Order-${t % 4}`;
    const commands: OrderCommand[] = [
      { kind: 'place', lines: [line(`p${t}`)] },
      { kind: 'addLine', line: line(`l${t}`, t) },
      { kind: 'ship' },
      { kind: 'cancel', reason: 'r' },
    ];
    seen.push(
      decideAndAppend(store, orderDecider, commands[t % commands.length]!, streamId, t, { commandId: `cmd-${t}` }),
    );
    if (t % 5 === 0) seen.push(readByCorrelationId(store, `cmd-${t - 4}`));
  }
  seen.push(load(store, orderDecider, 'Order-1'));
  return seen;
}

describe('the event store is plain data', () => {
  it('a structuredClone snapshot continues exactly as the original does, and survives JSON', () => {
    const store = createEventStore({ snapshotEvery: 3 });
    run(store, 0);
    const snapshot = structuredClone(store);
    expect(JSON.parse(JSON.stringify(store))).toEqual(store);
    const original = run(store, 30);
    const replayed = run(snapshot, 30);
    expect(replayed).toEqual(original);
    expect(snapshot).toEqual(store);
  });
});
