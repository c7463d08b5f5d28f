import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../flow';
import { flowOf, PROTOTYPE_NAMES, renameStrings, toTwins, twinOf } from './keysFixture';
import { Runtime } from './runtime';
import { runFlow } from './runFlow';
import type { StepRecord } from '../engine';

const EXAMPLES = fileURLToPath(new URL('../../public/examples/', import.meta.url));
const STEPS = 1500;

function example(file: string): FlowDocument {
  return JSON.parse(readFileSync(`${EXAMPLES}${file}`, 'utf8')) as FlowDocument;
}

/** The log as the CLI prints it: one JSON line per step. */
function logOf(flow: FlowDocument, steps = STEPS): string {
  const lines: string[] = [];
  runFlow(flow, steps, (record) => lines.push(JSON.stringify(record)));
  return lines.join('\n');
}

/** Ids people choose, by namespace: node and consumer group ids (a group defaults to its node's id), and edge ids. */
function idsOf(doc: FlowDocument): string[][] {
  const groups = doc.nodes.flatMap((n) => ('group' in n && n.group !== undefined ? [n.group] : []));
  return [[...new Set([...doc.nodes.map((n) => n.id), ...groups])], doc.edges.map((e) => e.id)];
}

/**
 * Renamings that give every id each prototype name once: ids in chunks of six, each chunk rotated
 * through the six names, so names also meet each other in one flow (and a node and an edge may
 * share a name, as they may in any flow).
 */
function renamings(namespaces: readonly (readonly string[])[]): Map<string, string>[] {
  const size = PROTOTYPE_NAMES.length;
  const chunks = Math.max(...namespaces.map((ids) => Math.ceil(ids.length / size)));
  const out: Map<string, string>[] = [];
  for (let chunk = 0; chunk < chunks; chunk++) {
    for (let turn = 0; turn < size; turn++) {
      const names = new Map<string, string>();
      for (const ids of namespaces) {
        ids
          .slice(chunk * size, (chunk + 1) * size)
          .forEach((id, i) => names.set(id, PROTOTYPE_NAMES[(i + turn) % size]!));
      }
      out.push(names);
    }
  }
  return out;
}

const twins = (names: ReadonlyMap<string, string>) => new Map([...names].map(([id, name]) => [id, twinOf(name)]));

/** The run with prototype names, mapped onto the run with ordinary names that sort alike; equal when names are data. */
function expectSameRun(doc: unknown, names: ReadonlyMap<string, string>, steps = STEPS): void {
  const withNames = logOf(flowOf(renameStrings(doc, names)), steps);
  const withTwins = logOf(flowOf(renameStrings(doc, twins(names))), steps);
  expect(withNames.split('\n').length).toBe(withTwins.split('\n').length);
  expect(toTwins(withNames)).toBe(withTwins);
}

describe('ids are data: an id named like a member of Object.prototype runs as any other name', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));

  it('the examples use none of the names, so a log maps back unambiguously', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const text = readFileSync(`${EXAMPLES}${file}`, 'utf8');
      for (const name of PROTOTYPE_NAMES) expect(text).not.toContain(name);
    }
  });

  for (const file of files) {
    it(
      `${file}: each node, edge and group id renamed to each name runs the same ${STEPS} steps`,
      { timeout: 60_000 },
      () => {
        const doc = example(file);
        for (const names of renamings(idsOf(doc))) expectSameRun(doc, names);
      },
    );
  }
});

type Naming = (name: string) => string;
const asIs: Naming = (name) => name;

/** A template that picks one of the prototype names (or their twins) per event. */
const pickName = (n: Naming): string => `{{ pick(${PROTOTYPE_NAMES.map((name) => `'${n(name)}'`).join(', ')}) }}`;

/** An example, edited by `change` once with the prototype names and once with their twins: both runs must match. */
function expectSameDataRun(file: string, change: (doc: FlowDocument, n: Naming) => void, steps = STEPS): StepRecord[] {
  const build = (n: Naming): FlowDocument => {
    const doc = example(file);
    change(doc, n);
    return flowOf(doc);
  };
  const withNames = logOf(build(asIs), steps);
  expect(toTwins(withNames)).toBe(logOf(build(twinOf), steps));
  return withNames.split('\n').map((line) => JSON.parse(line) as StepRecord);
}

const nodeOf = <K extends FlowDocument['nodes'][number]['kind']>(doc: FlowDocument, id: string, kind: K) => {
  const node = doc.nodes.find((n) => n.id === id);
  if (node?.kind !== kind) throw new Error(`${id} is not a ${kind}`);
  return node as Extract<FlowDocument['nodes'][number], { kind: K }>;
};

describe('keys are data: keys taken from events are named like members of Object.prototype', () => {
  it('Kafka record keys: compaction keeps the latest value per key', () => {
    const records = expectSameDataRun('orders.json', (doc, n) => {
      nodeOf(doc, 'orders', 'producer').key = pickName(n);
      Object.assign(nodeOf(doc, 'order-events', 'topic'), { compaction: true, segmentRecords: 10 });
    });
    expect(records.some((r) => r.kind === 'cleanup' && r.reason === 'compaction')).toBe(true);
    expect(records.some((r) => r.kind === 'publish' && r.event.partitionkey === '__proto__')).toBe(true);
  });

  it('AMQP routing keys and binding keys of a direct exchange', () => {
    const records = expectSameDataRun('dead-letter.json', (doc, n) => {
      nodeOf(doc, 'payments', 'producer').routingKey = pickName(n);
      doc.edges.find((e) => e.id === 'x-to-payments-q')!.bindingKey = n('__proto__');
    });
    const routes = records.flatMap((r) => (r.kind === 'publish' ? (r.amqp ?? []) : []));
    expect(routes.filter((r) => r.routingKey === '__proto__').every((r) => r.queues.includes('payments-q'))).toBe(true);
    expect(routes.filter((r) => r.routingKey === 'constructor').every((r) => r.queues.length === 0)).toBe(true);
    expect(records.some((r) => r.kind === 'queue-deliver')).toBe(true);
  });

  it('AMQP header names and binding arguments of a headers exchange', () => {
    const records = expectSameDataRun('dead-letter.json', (doc, n) => {
      nodeOf(doc, 'payments-x', 'exchange').exchangeType = 'headers';
      nodeOf(doc, 'payments', 'producer').headers = Object.fromEntries([
        [n('__proto__'), pickName(n)],
        [n('toString'), 'yes'],
      ]);
      const binding = doc.edges.find((e) => e.id === 'x-to-payments-q')!;
      delete binding.bindingKey;
      binding.bindingArgs = Object.fromEntries([
        ['x-match', 'all'],
        [n('__proto__'), n('valueOf')],
        [n('toString'), null],
      ]);
    });
    const routes = records.flatMap((r) => (r.kind === 'publish' ? (r.amqp ?? []) : []));
    expect(routes.some((r) => r.queues.includes('payments-q'))).toBe(true);
    expect(routes.some((r) => r.queues.length === 0)).toBe(true);
  });

  it('pub/sub channel names and patterns', () => {
    const records = expectSameDataRun('pubsub.json', (doc, n) => {
      nodeOf(doc, 'prices', 'producer').channel = pickName(n);
      doc.edges.find((e) => e.id === 'redis-to-eu')!.channel = n('hasOwnProperty');
      doc.edges.find((e) => e.id === 'redis-to-dashboard')!.channel = '*r*';
    });
    expect(
      records.some((r) => r.kind === 'pubsub-deliver' && r.node === 'eu-desk' && r.channel === 'hasOwnProperty'),
    ).toBe(true);
    expect(
      records.some((r) => r.kind === 'pubsub-deliver' && r.node === 'dashboard' && r.channel === 'prototype'),
    ).toBe(true);
  });

  it('aggregate ids: streams named like prototype members are written, read and projected', () => {
    const records = expectSameDataRun('cqrs-read-models.json', (doc, n) => {
      nodeOf(doc, 'checkout', 'command').aggregateId = pickName(n);
    });
    const appended = new Set(
      records.flatMap((r) => (r.kind === 'append' && r.outcome === 'appended' ? [r.streamId] : [])),
    );
    expect([...appended].sort()).toEqual([...PROTOTYPE_NAMES].sort());
    expect(records.some((r) => r.kind === 'deliver' && r.node === 'summary')).toBe(true);
  });

  it('event types: schemas and upcasters keyed by them read old events as the newest version', () => {
    // Sign-ups publish v1 events; after step 100 an edit adds v2 with an upcaster, and the
    // subscriber 30 s behind reads the v1 records through it.
    const run = (n: Naming): string => {
      const doc = renameStrings(
        example('schema-evolution.json'),
        new Map([['UserRegistered', n('constructor')]]),
      ) as FlowDocument;
      const v1 = doc.schemas[n('constructor')]!.versions[0]!;
      const v2 = {
        version: 2,
        schema: {
          ...v1.schema,
          properties: { ...(v1.schema.properties as object), phone: { type: ['string', 'null'] } },
        },
        upcaster: 'function upcast(data) { return { ...data, phone: null }; }',
      };
      const edited = flowOf({ ...doc, schemas: Object.fromEntries([[n('constructor'), { versions: [v1, v2] }]]) });
      const runtime = Runtime.start(flowOf(doc));
      const lines: string[] = [];
      for (let i = 0; i < 900; i++) {
        const record = i === 100 ? runtime.apply({ type: 'flow', flow: edited, summary: 'added v2' }) : runtime.step();
        if (!record) break;
        lines.push(JSON.stringify(record));
      }
      return lines.join('\n');
    };
    const withNames = run(asIs);
    expect(toTwins(withNames)).toBe(run(twinOf));
    const read = withNames.split('\n').map((line) => JSON.parse(line) as StepRecord);
    const smsReads = read.filter((r) => r.kind === 'deliver' && r.node === 'sms-welcome');
    expect(smsReads.length).toBeGreaterThan(0);
    expect(smsReads.every((r) => r.kind === 'deliver' && r.outcome === 'handled')).toBe(true);
  });

  it('invariant ids: each break is recorded once, on the step that causes it', () => {
    const records = expectSameDataRun(
      'orders.json',
      (doc, n) => {
        doc.invariants = [
          {
            id: n('constructor'),
            name: 'few orders',
            code: 'function holds(nodes) { return (nodes.orders.counters.published ?? 0) < 5; }',
          },
          {
            id: n('__proto__'),
            name: 'few deliveries',
            code: 'function holds(nodes) { return (nodes.email.counters.handled ?? 0) < 3; }',
          },
        ];
      },
      300,
    );
    const breaks = records.flatMap((r) => r.broken ?? []);
    expect(breaks.map((b) => b.id)).toEqual(['__proto__', 'constructor']);
  });
});
