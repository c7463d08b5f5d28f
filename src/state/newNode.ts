import type { FlowDocument, FlowNode } from '../flow';
import type { NodeKind } from '../flow/nodeKind';

const KIND_TITLE: Readonly<Record<NodeKind, string>> = {
  producer: 'Producer',
  topic: 'Topic',
  exchange: 'Exchange',
  queue: 'Queue',
  pubsub: 'Pub/sub',
  command: 'Command',
  aggregate: 'Aggregate',
  consumer: 'Consumer',
  projection: 'Projection',
};

const CONSUMER_CODE = `function handle(event: TidemarkEvent, ctx: Context) {
  ctx.log(\`got \${event.type} \${event.id}\`);
}
`;

const PROJECTION_CODE = `function handle(event: TidemarkEvent, ctx: Context) {
  ctx.state.count = (ctx.state.count ?? 0) + 1;
}
`;

const AGGREGATE_CODE = `// The aggregate as a decider: decide turns a command into events (or a rejection),
// evolve folds an event into the state.
const initialState = { status: 'new' };

function decide(command: Command, state: any): DomainEvent[] | Rejection {
  switch (command.type) {
    case 'DoSomething':
      return [{ type: 'SomethingDone', data: command.data }];
  }
  return { rejected: \`unknown command \${command.type}\` };
}

function evolve(state: any, event: StoredEvent) {
  return { ...state, status: 'done' };
}
`;

/** The code a new node starts with; null for kinds without code. */
export function defaultCode(kind: NodeKind): string | null {
  if (kind === 'consumer') return CONSUMER_CODE;
  if (kind === 'projection') return PROJECTION_CODE;
  if (kind === 'aggregate') return AGGREGATE_CODE;
  return null;
}

/** The lowest n for which both `${kind}-${n}` and "<Kind> n" are free. */
function nextNumber(flow: FlowDocument, kind: NodeKind): number {
  const ids = new Set(flow.nodes.map((n) => n.id));
  const names = new Set(flow.nodes.map((n) => n.name));
  let n = 1;
  while (ids.has(`${kind}-${n}`) || names.has(`${KIND_TITLE[kind]} ${n}`)) n++;
  return n;
}

/** A node of the given kind with the defaults a person can run at once. */
export function createNode(flow: FlowDocument, kind: NodeKind): FlowNode {
  const n = nextNumber(flow, kind);
  const base = { id: `${kind}-${n}`, name: `${KIND_TITLE[kind]} ${n}` };
  switch (kind) {
    case 'producer':
      return {
        ...base,
        kind,
        eventType: 'SomethingHappened',
        rate: 1,
        payload: { id: "{{ id('evt') }}", value: '{{ int(1, 100) }}' },
      };
    case 'topic':
    case 'queue':
    case 'pubsub':
      return { ...base, kind };
    case 'exchange':
      return { ...base, kind, exchangeType: 'topic' };
    case 'command':
      return { ...base, kind, commandType: 'DoSomething', rate: 0, payload: { id: "{{ id('x') }}" }, aggregateId: 'Thing-{{ data.id }}' };
    case 'aggregate':
      return { ...base, kind, latencyMs: 10 };
    case 'consumer':
    case 'projection':
      return { ...base, kind, latencyMs: 10 };
  }
}
