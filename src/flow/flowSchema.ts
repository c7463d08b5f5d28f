import { z } from 'zod';
import { NODE_SHAPES, type NodeKind } from '../kinds/nodeKinds';
import { id, jsonValue, name } from './nodeFields';
import { SCHEMA_KIT } from './schemaKit';
import { ownRecordSchema } from './ownRecordSchema';

// DO NOT CHANGE THE SHAPE WITHOUT BUMPING FLOW_VERSION AND ADDING A MIGRATION (see migrateFlow.ts).
export const FLOW_FORMAT = 'tidemark-flow';
export const FLOW_VERSION = 1;

/** A node of one kind, as its schema in src/kinds/<kind>/<kind>Node.ts describes it. */
export type NodeOfKind<K extends NodeKind> = z.infer<ReturnType<(typeof NODE_SHAPES)[K]['schema']>>;
export type FlowNode = { [K in NodeKind]: NodeOfKind<K> }[NodeKind];

// The options in NODE_SHAPES order; typed as FlowNode, which zod cannot infer from a list built at run time.
const nodeSchemas = Object.values(NODE_SHAPES).map((shape) => shape.schema(SCHEMA_KIT));
const flowNodeSchema = z.discriminatedUnion(
  'kind',
  nodeSchemas as [(typeof nodeSchemas)[number], ...(typeof nodeSchemas)[number][]],
) as unknown as z.ZodType<FlowNode>;

const schemaVersion = z.strictObject({
  version: z.number().int('must be a whole number').min(1, 'must be at least 1'),
  /** A JSON Schema (draft 2020-12 subset, see docs/schemas.md) for the event's data. */
  schema: ownRecordSchema(z.string(), jsonValue),
  /** Code defining `function upcast(data)` that turns the previous version's data into this one's. */
  upcaster: z.string().max(100_000, 'must be at most 100,000 characters').optional(),
});

/** An event type's schemas, oldest first: versions 1, 2, 3, … */
const eventTypeSchemas = z.strictObject({
  versions: z.array(schemaVersion).min(1, 'must have at least one version').max(50, 'may have at most 50 versions'),
});

const flowEdgeSchema = z.strictObject({
  id,
  source: id,
  target: id,
  /** Binding key of an exchange → queue or exchange → exchange edge (a pattern for topic exchanges). */
  bindingKey: z.string().max(255, 'must be at most 255 characters').optional(),
  /** Binding arguments for a headers exchange, with x-match all, any, all-with-x or any-with-x. */
  bindingArgs: ownRecordSchema(z.string().min(1, 'must not be empty'), jsonValue).optional(),
  /** Pub/sub → subscriber: the channel, or a glob pattern (`orders.*`), it subscribes to. Default `*`. */
  channel: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
});

const position = z.strictObject({ x: z.number(), y: z.number() });

const invariant = z.strictObject({
  id,
  name,
  /** Code defining `function holds(nodes)`: true when the invariant holds, false or a message when it is broken. */
  code: z.string().max(20_000, 'must be at most 20,000 characters'),
});

export const flowDocumentSchema = z.strictObject({
  format: z.literal(FLOW_FORMAT),
  version: z.literal(FLOW_VERSION),
  name,
  seed: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(2 ** 32 - 1, 'must fit in 32 bits'),
  nodes: z.array(flowNodeSchema).max(500, 'may hold at most 500 nodes'),
  edges: z.array(flowEdgeSchema).max(2000, 'may hold at most 2000 edges'),
  /** Event type → its versioned JSON Schemas; a payload that fails the newest is refused. */
  schemas: ownRecordSchema(z.string(), eventTypeSchemas),
  /** Node id → handler source (TypeScript defining `function handle(event, ctx)`). */
  code: ownRecordSchema(id, z.string().max(100_000, 'must be at most 100,000 characters')),
  /** Node id → canvas position. */
  layout: ownRecordSchema(id, position),
  /** Predicates over node states checked after every step; the first violation pauses the run. */
  invariants: z.array(invariant).max(50, 'may hold at most 50 invariants').optional(),
});

export type FlowDocument = z.infer<typeof flowDocumentSchema>;
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
export type Invariant = z.infer<typeof invariant>;
export type EventTypeSchemas = z.infer<typeof eventTypeSchemas>;
export type ProducerNode = NodeOfKind<'producer'>;
export type TopicNode = NodeOfKind<'topic'>;
export type CommandNode = NodeOfKind<'command'>;
export type AggregateNode = NodeOfKind<'aggregate'>;
export type ExchangeNode = NodeOfKind<'exchange'>;
export type QueueNode = NodeOfKind<'queue'>;
export type PubSubNode = NodeOfKind<'pubsub'>;
export type ConsumerNode = NodeOfKind<'consumer'>;
type ProjectionNode = NodeOfKind<'projection'>;
export type SubscriberNode = ConsumerNode | ProjectionNode;
