import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canConnect } from './nodeKind';
import { FLOW_VERSION } from './flowSchema';
import { MAX_FLOW_CHARS, MAX_FLOW_DEPTH } from './flowLimits';
import type { FlowProblem } from './flowProblem';
import { describeProblems, formatPath, parseFlow, validateFlow } from './validateFlow';

const EXAMPLE_TEXT = readFileSync(new URL('../../public/examples/orders.json', import.meta.url), 'utf8');

/** A fresh, mutable copy of the example document to break in one place. */
type Doc = Record<string, unknown> & {
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
  code: Record<string, unknown>;
};
const example = (): Doc => JSON.parse(EXAMPLE_TEXT) as Doc;

function problemsOf(input: unknown): FlowProblem[] {
  const result = validateFlow(input);
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.problems;
}

function broken(edit: (doc: Doc) => void): FlowProblem[] {
  const doc = example();
  edit(doc);
  return problemsOf(doc);
}

describe('validateFlow accepts', () => {
  it('the example flow, unchanged', () => {
    const result = parseFlow(EXAMPLE_TEXT);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.flow.name).toBe('Orders');
      expect(result.flow.nodes.map((n) => n.kind)).toEqual(['producer', 'topic', 'consumer', 'consumer', 'projection']);
      expect(result.flow).toEqual(JSON.parse(EXAMPLE_TEXT));
    }
  });

  it('an empty flow', () => {
    const doc = {
      format: 'tidemark-flow',
      version: 1,
      name: 'Empty',
      seed: 0,
      nodes: [],
      edges: [],
      schemas: {},
      code: {},
      layout: {},
    };
    expect(validateFlow(doc)).toEqual({ ok: true, flow: doc });
  });
});

describe('validateFlow rejects, naming the path and the reason', () => {
  it('anything that is not a JSON object', () => {
    for (const input of [null, 42, 'flow', [], undefined])
      expect(problemsOf(input)).toEqual([{ path: '', reason: 'a flow must be a JSON object' }]);
  });

  it('another format', () => {
    expect(broken((d) => (d.format = 'excalidraw'))).toEqual([{ path: 'format', reason: 'must be "tidemark-flow"' }]);
    expect(broken((d) => delete d.format)).toEqual([{ path: 'format', reason: 'must be "tidemark-flow"' }]);
  });

  it('a version newer than this build understands, or no version', () => {
    expect(broken((d) => (d.version = FLOW_VERSION + 1))).toEqual([
      {
        path: 'version',
        reason: `version ${FLOW_VERSION + 1} is newer than this Tidemark understands (${FLOW_VERSION})`,
      },
    ]);
    expect(broken((d) => (d.version = '1'))).toEqual([{ path: 'version', reason: 'must be a whole number from 1' }]);
    expect(broken((d) => (d.version = 0))).toEqual([{ path: 'version', reason: 'must be a whole number from 1' }]);
  });

  it('a rate given as a string', () => {
    expect(broken((d) => (d.nodes[0]!.rate = '2'))).toEqual([
      { path: 'nodes[0].rate', reason: 'Invalid input: expected number, received string' },
    ]);
  });

  it('out-of-range numbers, with the limit in the reason', () => {
    expect(broken((d) => (d.nodes[0]!.rate = -1))).toEqual([{ path: 'nodes[0].rate', reason: 'must be 0 or more' }]);
    expect(broken((d) => (d.nodes[2]!.latencyMs = 1.5))).toEqual([
      { path: 'nodes[2].latencyMs', reason: 'must be a whole number' },
    ]);
    expect(broken((d) => (d.seed = 2 ** 32))).toEqual([{ path: 'seed', reason: 'must fit in 32 bits' }]);
  });

  it('an unknown node kind', () => {
    const [problem, ...rest] = broken((d) => (d.nodes[1]!.kind = 'mailbox'));
    expect(rest).toEqual([]);
    expect(problem?.path).toBe('nodes[1].kind');
    expect(problem?.reason).toMatch(/producer.*topic.*exchange.*queue.*pubsub.*consumer.*projection/);
  });

  it('an unknown extra property, on the document or on a node', () => {
    expect(broken((d) => (d.author = 'me'))).toEqual([{ path: '', reason: 'Unrecognized key: "author"' }]);
    expect(broken((d) => (d.nodes[2]!.colour = 'red'))).toEqual([
      { path: 'nodes[2]', reason: 'Unrecognized key: "colour"' },
    ]);
  });

  it('a missing field', () => {
    expect(broken((d) => delete d.nodes[0]!.eventType)).toEqual([
      { path: 'nodes[0].eventType', reason: 'Invalid input: expected string, received undefined' },
    ]);
  });

  it('an id with characters ids may not hold', () => {
    expect(broken((d) => (d.edges[0]!.id = 'orders to events'))).toEqual([
      { path: 'edges[0].id', reason: 'may contain only letters, digits, "_" and "-"' },
    ]);
  });

  it('a duplicate node id', () => {
    expect(
      broken((d) => {
        d.nodes.push({ id: 'email', kind: 'consumer', name: 'Email again', latencyMs: 5 });
      }),
    ).toEqual([{ path: 'nodes[5].id', reason: 'duplicate node id "email"' }]);
  });

  it('a duplicate edge id', () => {
    expect(broken((d) => (d.edges[1]!.id = d.edges[0]!.id))).toEqual([
      { path: 'edges[1].id', reason: 'duplicate edge id "orders-to-order-events"' },
    ]);
  });

  it('an edge to a missing node', () => {
    expect(broken((d) => (d.edges[1]!.target = 'sms'))).toEqual([
      { path: 'edges[1].target', reason: 'no node has id "sms"' },
    ]);
    expect(broken((d) => (d.edges[2]!.source = 'nowhere'))).toEqual([
      { path: 'edges[2].source', reason: 'no node has id "nowhere"' },
    ]);
  });

  it('an edge between kinds that cannot be joined', () => {
    expect(broken((d) => (d.edges[0]!.target = 'email'))).toEqual([
      { path: 'edges[0]', reason: 'a producer cannot connect to a consumer' },
    ]);
    expect(broken((d) => d.edges.push({ id: 'back', source: 'email', target: 'order-events' }))).toEqual([
      { path: 'edges[4]', reason: 'a consumer cannot connect to a topic' },
    ]);
  });

  it('code for a node that does not exist', () => {
    expect(broken((d) => (d.code.sms = 'function handle() {}'))).toEqual([
      { path: 'code.sms', reason: 'no node has id "sms"' },
    ]);
  });

  it('text that is not JSON, via parseFlow', () => {
    const result = parseFlow('{ "format": "tidemark-flow", ');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]!.path).toBe('');
      expect(result.problems[0]!.reason).toMatch(/^not valid JSON \(.+\)$/);
    }
  });

  it('reports every reference problem, but at most five schema problems', () => {
    expect(
      broken((d) => {
        d.edges[1]!.target = 'a';
        d.edges[2]!.target = 'b';
      }).map((p) => p.path),
    ).toEqual(['edges[1].target', 'edges[2].target']);
    // seven broken names: the first five are enough to act on
    expect(
      broken((d) => {
        d.name = '';
        d.nodes.forEach((n) => (n.name = ''));
        d.edges[0]!.id = '';
      }),
    ).toHaveLength(5);
  });
});

describe('describeProblems / formatPath', () => {
  it('writes one line a person can act on', () => {
    expect(describeProblems([{ path: 'nodes[2].rate', reason: 'must be 0 or more' }])).toBe(
      'nodes[2].rate: must be 0 or more',
    );
    expect(
      describeProblems([
        { path: '', reason: 'a flow must be a JSON object' },
        { path: 'seed', reason: 'x' },
      ]),
    ).toBe('a flow must be a JSON object; seed: x');
  });

  it('formats array indexes in brackets and keys with dots', () => {
    expect(formatPath(['nodes', 0, 'payload', 'items', 3, 'sku'])).toBe('nodes[0].payload.items[3].sku');
    expect(formatPath([])).toBe('');
  });
});

describe('canConnect', () => {
  it('lets producers publish to topics and topics feed consumers and projections, nothing else', () => {
    expect(canConnect('producer', 'topic')).toBe(true);
    expect(canConnect('topic', 'consumer')).toBe(true);
    expect(canConnect('topic', 'projection')).toBe(true);
    expect(canConnect('producer', 'consumer')).toBe(false);
    expect(canConnect('topic', 'topic')).toBe(false);
    expect(canConnect('projection', 'topic')).toBe(false);
  });
});

describe('validateFlow checks the AMQP and pub/sub references', () => {
  const doc = (nodes: unknown[], edges: unknown[]) => ({
    format: 'tidemark-flow',
    version: 1,
    name: 'x',
    seed: 1,
    nodes,
    edges,
    schemas: {},
    code: {},
    layout: {},
  });
  const problems = (input: unknown) => {
    const result = validateFlow(input);
    return result.ok ? [] : result.problems;
  };
  const q = { id: 'q', kind: 'queue', name: 'q' };
  const x = { id: 'x', kind: 'exchange', name: 'x', exchangeType: 'headers' };

  it('an alternate or dead letter exchange, or reply_to, must name a node of the right kind', () => {
    expect(problems(doc([{ ...q, deadLetterExchange: 'q' }], []))).toEqual([
      { path: 'nodes[0].deadLetterExchange', reason: '"q" is a queue, not an exchange' },
    ]);
    expect(problems(doc([{ ...x, alternateExchange: 'nope' }], []))).toEqual([
      { path: 'nodes[0].alternateExchange', reason: 'no node has id "nope"' },
    ]);
    expect(
      problems(
        doc([x, { id: 'p', kind: 'producer', name: 'p', eventType: 'E', rate: 1, payload: {}, replyTo: 'x' }], []),
      ),
    ).toEqual([{ path: 'nodes[1].replyTo', reason: '"x" is an exchange, not a queue' }]);
  });

  it('binding settings belong on an exchange edge, a channel on a pub/sub edge, and x-match must be one RabbitMQ accepts', () => {
    const c = { id: 'c', kind: 'consumer', name: 'c', latencyMs: 0 };
    expect(problems(doc([q, c], [{ id: 'e', source: 'q', target: 'c', bindingKey: 'a' }]))).toEqual([
      { path: 'edges[0]', reason: 'only an edge from an exchange has a binding key or arguments' },
    ]);
    expect(problems(doc([q, c], [{ id: 'e', source: 'q', target: 'c', channel: 'a' }]))).toEqual([
      { path: 'edges[0].channel', reason: 'only an edge from a pub/sub node subscribes to a channel' },
    ]);
    expect(problems(doc([x, q], [{ id: 'e', source: 'x', target: 'q', bindingArgs: { 'x-match': 'some' } }]))).toEqual([
      { path: 'edges[0].bindingArgs.x-match', reason: 'must be one of all, any, all-with-x, any-with-x' },
    ]);
    expect(
      problems(doc([x, q], [{ id: 'e', source: 'x', target: 'q', bindingArgs: { 'x-match': 'any-with-x', a: 1 } }])),
    ).toEqual([]);
  });
});

describe('validateFlow refuses input past its limits before anything recursive reads it', () => {
  /** `{ a: { a: … } }` `levels` deep, built without recursion. */
  const deep = (levels: number): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < levels; i++) value = { a: value };
    return value;
  };

  it('a payload nested 100,000 deep, naming where', () => {
    expect(broken((doc) => (doc.nodes[0]!.payload = deep(100_000)))).toEqual([
      { path: 'nodes[0].payload.a.a.a.a.a.a.a…a.a.a', reason: `nesting deeper than ${MAX_FLOW_DEPTH} levels` },
    ]);
    // As text, the same: no "Maximum call stack size exceeded".
    const text = EXAMPLE_TEXT.replace(
      '"payload": {',
      `"payload": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}, "unused": {`,
    );
    const parsed = parseFlow(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(describeProblems(parsed.problems)).toBe(
        'nodes[0].payload.a.a.a.a.a.a.a…a.a.a: nesting deeper than 64 levels',
      );
  });

  it('accepts every bundled example and a payload as deep as the limit allows', () => {
    for (const name of ['online-shop', 'schema-evolution', 'saga-compensation', 'topic-exchange']) {
      expect(parseFlow(readFileSync(new URL(`../../public/examples/${name}.json`, import.meta.url), 'utf8')).ok).toBe(
        true,
      );
    }
    // The document, nodes, the node and the payload are four levels.
    const doc = example();
    doc.nodes[0]!.payload = deep(MAX_FLOW_DEPTH - 3);
    expect(validateFlow(doc).ok).toBe(true);
    doc.nodes[0]!.payload = deep(MAX_FLOW_DEPTH - 2);
    expect(validateFlow(doc).ok).toBe(false);
  });

  it('a "__proto__" key, which JSON.parse keeps and the schema would drop without a word', () => {
    const text = EXAMPLE_TEXT.replace('"payload": {', '"payload": { "__proto__": { "admin": true },');
    expect(parseFlow(text)).toEqual({
      ok: false,
      problems: [
        { path: 'nodes[0].payload.__proto__', reason: expect.stringMatching(/^a key "__proto__" is not allowed/) },
      ],
    });
  });

  it('values that are not JSON, as an edit could carry them', () => {
    expect(broken((doc) => (doc.nodes[0]!.rate = Number.NaN))).toEqual([
      { path: 'nodes[0].rate', reason: 'NaN is not a JSON number (JSON would write null)' },
    ]);
    expect(broken((doc) => (doc.nodes[0]!.payload = { at: new Map() }))).toEqual([
      { path: 'nodes[0].payload.at', reason: 'a Map, not a plain object' },
    ]);
  });

  it('a document longer than the size limit, as text and as it would be exported', () => {
    const parsed = parseFlow(`${EXAMPLE_TEXT}${' '.repeat(MAX_FLOW_CHARS)}`);
    expect(parsed).toEqual({
      ok: false,
      problems: [{ path: '', reason: expect.stringMatching(/^longer than 10,000,000 characters/) }],
    });
    // Each consumer and its code is valid; together they pass the limit.
    const big = broken((doc) => {
      for (let i = 0; i < 110; i++) {
        doc.nodes.push({ id: `bulk-${i}`, kind: 'consumer', name: `Bulk ${i}`, latencyMs: 0 });
        doc.code[`bulk-${i}`] = `// ${'x'.repeat(95_000)}`;
      }
    });
    expect(big).toEqual([
      { path: '', reason: expect.stringMatching(/^the flow is longer than 10,000,000 characters as JSON/) },
    ]);
  });
});

describe('validateFlow takes ids as data: names Object.prototype answers to are ordinary ids', () => {
  const text = JSON.stringify({
    format: 'tidemark-flow',
    version: 1,
    name: 'Prototype ids',
    seed: 1,
    nodes: [
      {
        id: 'constructor',
        kind: 'producer',
        name: 'p',
        eventType: 'toString',
        rate: 1,
        payload: JSON.parse('{"constructor": {"x": "{{ seq }}"}, "valueOf": 1}') as unknown,
        headers: JSON.parse('{"__proto__": "h"}') as unknown,
      },
      { id: '__proto__', kind: 'topic', name: 't' },
      // a subscriber's fields in the order the schema gives them back
      { id: 'hasOwnProperty', name: 'c', latencyMs: 0, group: '__proto__', kind: 'consumer' },
    ],
    edges: [
      { id: 'prototype', source: 'constructor', target: '__proto__' },
      { id: '__proto__', source: '__proto__', target: 'hasOwnProperty' },
    ],
    schemas: JSON.parse(
      '{"toString": {"versions": [{"version": 1, "schema": {"type": "object", "properties": {"__proto__": {"type": "object"}}}}]}}',
    ) as unknown,
    code: JSON.parse('{"hasOwnProperty": "function handle() {}"}') as unknown,
    layout: JSON.parse('{"__proto__": {"x": 1, "y": 2}, "constructor": {"x": 3, "y": 4}}') as unknown,
  });

  // A payload's "__proto__" key is refused instead (event data may not hold one): see the limits above.
  it('keeps every key, "__proto__" included, in code, layout, headers and schemas', () => {
    const result = parseFlow(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.stringify(result.flow)).toBe(text);
    expect(Object.hasOwn(result.flow.layout, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(result.flow.layout)).toBe(Object.prototype);
  });

  it('finds duplicates and missing nodes among such ids', () => {
    const doc = JSON.parse(text) as Doc;
    doc.nodes.push({ id: '__proto__', kind: 'topic', name: 'again' });
    doc.edges[0]!.id = '__proto__';
    doc.code = JSON.parse('{"toString": "function handle() {}"}') as Doc['code'];
    expect(problemsOf(doc)).toEqual([
      { path: 'nodes[3].id', reason: 'duplicate node id "__proto__"' },
      { path: 'edges[1].id', reason: 'duplicate edge id "__proto__"' },
      { path: 'code.toString', reason: 'no node has id "toString"' },
    ]);
  });

  it('names a bad record key with the reason an id gives', () => {
    expect(broken((d) => (d.code['no spaces'] = 'function handle() {}'))).toEqual([
      { path: 'code.no spaces', reason: 'may contain only letters, digits, "_" and "-"' },
    ]);
  });
});
