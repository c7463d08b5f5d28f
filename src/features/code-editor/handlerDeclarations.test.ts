import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { FlowDocument, FlowEdge, FlowNode } from '../../flow';
import { upcasterDeclarations } from './dataDeclarations';
import { eventTypesReaching, typesNamedIn } from './eventTypesReaching';
import { handlerDeclarations } from './handlerDeclarations';
import { HANDLER_TYPES } from './handlerTypes';

const orderPlaced = {
  type: 'object',
  required: ['orderId', 'total'],
  properties: { orderId: { type: 'string' }, total: { type: 'number' }, note: { type: 'string' } },
};
const userRegistered = {
  type: 'object',
  required: ['userId'],
  properties: { userId: { type: 'string' }, phone: { type: ['string', 'null'] } },
};

const producer = (id: string, eventType: string, extra: Partial<FlowNode> = {}): FlowNode =>
  ({ id, kind: 'producer', name: id, eventType, rate: 1, payload: {}, ...extra }) as FlowNode;
const node = (id: string, kind: FlowNode['kind'], extra: Record<string, unknown> = {}): FlowNode =>
  ({
    id,
    kind,
    name: id,
    ...(kind === 'consumer' || kind === 'projection' || kind === 'aggregate' ? { latencyMs: 0 } : {}),
    ...extra,
  }) as FlowNode;
const edge = (source: string, target: string): FlowEdge => ({ id: `${source}-${target}`, source, target });

function flowOf(nodes: FlowNode[], edges: FlowEdge[], code: Record<string, string> = {}): FlowDocument {
  return {
    format: 'tidemark-flow',
    version: 1,
    name: 'test',
    seed: 1,
    nodes,
    edges,
    schemas: {
      OrderPlaced: { versions: [{ version: 1, schema: orderPlaced }] },
      UserRegistered: { versions: [{ version: 1, schema: userRegistered }] },
    },
    code,
    layout: {},
  };
}

/** Orders and users into one topic, payments into another; a consumer on each, one on both. */
const kafka = flowOf(
  [
    producer('orders', 'OrderPlaced'),
    producer('users', 'UserRegistered'),
    producer('payments', 'PaymentTaken'),
    node('t1', 'topic'),
    node('t2', 'topic'),
    node('both', 'consumer'),
    node('pay', 'consumer'),
    node('lonely', 'consumer'),
  ],
  [edge('orders', 't1'), edge('users', 't1'), edge('payments', 't2'), edge('t1', 'both'), edge('t2', 'pay')],
);

/** Type-checks handler code against the ambient types the editor gives a node, as Monaco does; returns the errors. */
function editorErrors(flow: FlowDocument, nodeId: string, code: string): string[] {
  const files: Record<string, string> = {
    'types.d.ts': HANDLER_TYPES + handlerDeclarations(flow, nodeId, code),
    'handler.ts': code,
  };
  return typeErrorsOf(files);
}

const options: ts.CompilerOptions = {
  strict: true,
  noImplicitAny: false,
  noEmit: true,
  target: ts.ScriptTarget.ES2020,
  lib: ['lib.es2020.d.ts'],
  types: [],
};
// The standard library is parsed once for all the tests: parsing it per program takes most of a second.
const libraries = new Map<string, ts.SourceFile | undefined>();

function typeErrorsOf(files: Record<string, string>): string[] {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => {
    if (name in files) return ts.createSourceFile(name, files[name]!, version);
    if (!libraries.has(name)) libraries.set(name, read(name, version, ...rest));
    return libraries.get(name);
  };
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('the event types that reach a node', () => {
  it('follows topics back to their producers; a node wired to nothing is open', () => {
    expect(eventTypesReaching(kafka, 'both')).toEqual({ types: ['OrderPlaced', 'UserRegistered'], open: false });
    expect(eventTypesReaching(kafka, 'pay')).toEqual({ types: ['PaymentTaken'], open: false });
    expect(eventTypesReaching(kafka, 'lonely')).toEqual({ types: [], open: true });
  });

  it('follows exchange bindings, alternate and dead letter exchanges; a reply queue is open', () => {
    const flow = flowOf(
      [
        producer('orders', 'OrderPlaced', { replyTo: 'replies' }),
        producer('users', 'UserRegistered'),
        node('ex', 'exchange', { exchangeType: 'topic', alternateExchange: 'alt' }),
        node('alt', 'exchange', { exchangeType: 'fanout' }),
        node('work', 'queue', { deadLetterExchange: 'dlx' }),
        node('dlx', 'exchange', { exchangeType: 'fanout' }),
        node('dlq', 'queue'),
        node('unrouted', 'queue'),
        node('replies', 'queue'),
        node('worker', 'consumer'),
        node('dead', 'consumer'),
        node('catchall', 'consumer'),
        node('requester', 'consumer'),
      ],
      [
        edge('orders', 'ex'),
        edge('users', 'work'),
        edge('ex', 'work'),
        edge('work', 'worker'),
        edge('dlx', 'dlq'),
        edge('dlq', 'dead'),
        edge('alt', 'unrouted'),
        edge('unrouted', 'catchall'),
        edge('replies', 'requester'),
      ],
    );
    expect(eventTypesReaching(flow, 'worker')).toEqual({ types: ['OrderPlaced', 'UserRegistered'], open: false });
    expect(eventTypesReaching(flow, 'dead')).toEqual({ types: ['OrderPlaced', 'UserRegistered'], open: false });
    expect(eventTypesReaching(flow, 'catchall')).toEqual({ types: ['OrderPlaced'], open: false });
    expect(eventTypesReaching(flow, 'requester')).toEqual({ types: ['OrderPlacedReply'], open: true });
  });

  it('an event store subscription reads its eventTypes filter, or is open without one', () => {
    const flow = flowOf(
      [
        node('agg', 'aggregate'),
        node('one', 'projection', { eventTypes: ['UserRegistered'] }),
        node('all', 'projection'),
      ],
      [edge('agg', 'one'), edge('agg', 'all')],
    );
    expect(eventTypesReaching(flow, 'one')).toEqual({ types: ['UserRegistered'], open: false });
    expect(eventTypesReaching(flow, 'all')).toEqual({ types: [], open: true });
  });

  it('finds the type names code writes: comparisons, cases and type fields', () => {
    expect(
      typesNamedIn(
        `if (event.type === 'A') {} switch (x.type) { case "B.c": } return [{ type: \`D\`, data }]; ctx.log('not-a-type')`,
      ),
    ).toEqual(['A', 'B.c', 'D']);
  });
});

describe('the handler editor types event data from the schemas', () => {
  it('narrows event.data by event.type and flags a misspelt field', () => {
    const code = [
      'function handle(event: TidemarkEvent, ctx: Context) {',
      '  if (event.type === "OrderPlaced") { const total: number = event.data.total; event.data.totl; }',
      '  if (event.type === "UserRegistered") { const phone: string | null | undefined = event.data.phone; }',
      '  ctx.state.seen = (ctx.state.seen ?? 0) + 1;',
      '}',
    ].join('\n');
    expect(editorErrors(kafka, 'both', code)).toEqual([
      "Property 'totl' does not exist on type 'OrderPlacedData'. Did you mean 'total'?",
    ]);
  });

  it('flags comparing with a type that cannot reach the node', () => {
    const errors = editorErrors(
      kafka,
      'both',
      'function handle(event: TidemarkEvent) { if (event.type === "OrderShipped") {} }',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/no overlap/);
  });

  it('types event as the one type a node reads, without narrowing', () => {
    expect(
      editorErrors(
        kafka,
        'pay',
        'function handle(event: TidemarkEvent) { const t: "PaymentTaken" = event.type; event.data.anything; }',
      ),
    ).toEqual([]);
    const one = flowOf(
      [producer('orders', 'OrderPlaced'), node('t', 'topic'), node('c', 'consumer')],
      [edge('orders', 't'), edge('t', 'c')],
    );
    expect(
      editorErrors(
        one,
        'c',
        'function handle(event: TidemarkEvent) { event.data.orderId.toUpperCase(); event.data.nope; }',
      ),
    ).toEqual(["Property 'nope' does not exist on type 'OrderPlacedData'."]);
  });

  it('where the wiring cannot tell, the types the flow and the code name are accepted', () => {
    const flow = flowOf([node('agg', 'aggregate'), node('all', 'projection')], [edge('agg', 'all')], {
      agg: 'function decide() { return [{ type: "ThingDone", data: {} }]; }',
    });
    const code =
      'function handle(event: TidemarkEvent) { if (event.type === "ThingDone") {} if (event.type === "Other") {} if (event.type === "UserRegistered") { event.data.phone; event.data.phon; } }';
    expect(editorErrors(flow, 'all', code)).toEqual([
      "Property 'phon' does not exist on type 'UserRegisteredData'. Did you mean 'phone'?",
    ]);
  });

  it('keeps the ctx API typed', () => {
    expect(
      editorErrors(
        kafka,
        'pay',
        'function handle(event: TidemarkEvent, ctx: Context) { ctx.log(ctx.now(), ctx.random(), ctx.record?.offset, ctx.stream?.position); ctx.send?.({ type: "X", aggregateId: "a" }); ctx.lgo("x"); }',
      ),
    ).toEqual(["Property 'lgo' does not exist on type 'Context'."]);
  });

  it('a $defs name used by two schemas does not clash', () => {
    const money = { type: 'object', required: ['amount'], properties: { amount: { type: 'integer' } } };
    const flow = flowOf([node('c', 'consumer')], []);
    const schemas = {
      A: {
        versions: [
          {
            version: 1,
            schema: { type: 'object', properties: { price: { $ref: '#/$defs/money' } }, $defs: { money } },
          },
        ],
      },
      B: {
        versions: [
          {
            version: 1,
            schema: {
              type: 'object',
              properties: { cost: { $ref: '#/$defs/money' } },
              $defs: { money: { type: 'string' } },
            },
          },
        ],
      },
    };
    expect(
      editorErrors(
        { ...flow, schemas },
        'c',
        'function handle(event: TidemarkEvent) { if (event.type === "A") event.data.price?.amount.toFixed(); if (event.type === "B") event.data.cost?.toUpperCase(); }',
      ),
    ).toEqual([]);
  });
});

/** The documentation TypeScript gives for a hover at `marker` in the handler code: what Monaco renders as Markdown. */
function hoverDocumentation(flow: FlowDocument, nodeId: string, code: string, marker: string): string {
  const files: Record<string, string> = {
    'types.d.ts': HANDLER_TYPES + handlerDeclarations(flow, nodeId, code),
    'handler.ts': code,
  };
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => Object.keys(files),
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const text = files[name] ?? ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => '',
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (name) => name in files || ts.sys.fileExists(name),
    readFile: (name) => files[name] ?? ts.sys.readFile(name),
  };
  const info = ts.createLanguageService(host).getQuickInfoAtPosition('handler.ts', code.indexOf(marker));
  return ts.displayPartsToString(info?.documentation);
}

describe('schema descriptions in the handler editor', () => {
  it('reach the hover as plain text: an image, a link or HTML in them is escaped, not rendered', () => {
    const description =
      'Amount in cents ![x](https://evil.example/p.png) <img src="https://evil.example/q.png"> [more](https://evil.example/r)';
    const flow = flowOf(
      [producer('orders', 'OrderPlaced'), node('t1', 'topic'), node('c', 'consumer')],
      [edge('orders', 't1'), edge('t1', 'c')],
    );
    const schemas = {
      OrderPlaced: {
        versions: [{ version: 1, schema: { type: 'object', properties: { total: { type: 'number', description } } } }],
      },
    };
    const code = 'function handle(event: TidemarkEvent) { return event.data.total; }';
    expect(hoverDocumentation({ ...flow, schemas }, 'c', code, 'total')).toBe(
      'Amount in cents !\\[x\\](https\\://evil.example/p.png) \\<img src="https\\://evil.example/q.png"\\> \\[more\\](https\\://evil.example/r)',
    );
  });
});

describe('the aggregate editor types commands and events', () => {
  const flow = flowOf([node('agg', 'aggregate')], []);
  const decider = (body: string) =>
    [
      'const initialState = { users: 0 };',
      'function decide(command: Command, state: any): DomainEvent[] | Rejection {',
      body,
      '  return { rejected: `unknown command ${command.type}` };',
      '}',
      'function evolve(state: any, event: StoredEvent) {',
      '  if (event.type === "UserRegistered") return { users: state.users + 1, last: event.data.userId, at: event.metadata.time };',
      '  return state;',
      '}',
    ].join('\n');

  it('accepts events of known and new types, and checks the data of those with a schema', () => {
    expect(
      editorErrors(
        flow,
        'agg',
        decider(
          '  if (command.type === "Register") return [{ type: "UserRegistered", data: { userId: command.data.id } }, { type: "Welcomed", data: 1 }];',
        ),
      ),
    ).toEqual([]);
    const errors = editorErrors(flow, 'agg', decider('  return [{ type: "UserRegistered", data: { user: "u1" } }];'));
    expect(errors.join('\n')).toMatch(/'user' does not exist/);
    // The data of another type with a schema is no excuse.
    expect(
      editorErrors(flow, 'agg', decider('  return [{ type: "UserRegistered", data: { orderId: "o1", total: 5 } }];')),
    ).not.toEqual([]);
  });
});

describe('the upcaster editor types both versions', () => {
  it('names the version it reads and the one it returns', () => {
    const v2 = { ...userRegistered, required: ['userId', 'phone'] };
    const lib = upcasterDeclarations(
      'UserRegistered',
      { version: 1, schema: { type: 'object', required: ['userId'], properties: { userId: { type: 'string' } } } },
      { version: 2, schema: v2 },
    );
    expect(
      typeErrorsOf({
        'types.d.ts': lib,
        'up.ts': 'function upcast(data: UserRegisteredV1): UserRegisteredV2 { return { ...data, phone: null }; }',
      }),
    ).toEqual([]);
    expect(
      typeErrorsOf({
        'types.d.ts': lib,
        'up.ts': 'function upcast(data: UserRegisteredV1): UserRegisteredV2 { return { ...data }; }',
      }).join(),
    ).toMatch(/phone/);
    const loose = upcasterDeclarations(
      'UserRegistered',
      { version: 1, schema: true },
      { version: 2, schema: undefined },
    );
    expect(
      typeErrorsOf({
        'types.d.ts': loose,
        'up.ts': 'function upcast(data: UserRegisteredV1): UserRegisteredV2 { return 1; }',
      }),
    ).toEqual([]);
  });
});
