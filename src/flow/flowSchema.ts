import { z } from 'zod';
import { FlowDefaults } from './flowDefaults';
import { ownRecordSchema } from './ownRecordSchema';

// DO NOT CHANGE THE SHAPE WITHOUT BUMPING FLOW_VERSION AND ADDING A MIGRATION (see migrateFlow.ts).
export const FLOW_FORMAT = 'tidemark-flow';
export const FLOW_VERSION = 1;

const id = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "_" and "-"');

const name = z.string().min(1, 'must not be empty').max(80, 'must be at most 80 characters');

const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), ownRecordSchema(z.string(), jsonValue)]),
);

const producerNode = z.strictObject({
  id,
  kind: z.literal('producer'),
  name,
  eventType: z.string().min(1, 'must not be empty').regex(/^[A-Za-z][A-Za-z0-9_.]*$/, 'must be a type name such as OrderPlaced'),
  /** Events per virtual second. */
  rate: z.number().min(0, 'must be 0 or more').max(1_000_000, 'must be at most 1,000,000 events/s'),
  /** JSON template; a string "{{ expr }}" is replaced by the value of expr (see docs/flow-format.md). */
  payload: jsonValue,
  /** Record key template, e.g. "{{ data.customerId }}": the key picks the partition (murmur2, as Kafka). Absent: no key. */
  key: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  /** How records without a key are spread over partitions. */
  unkeyed: z.enum(['round-robin', 'sticky']).optional(),
  /** AMQP routing key template for exchanges it is wired to, e.g. "order.{{ data.region }}". Default: the event type. */
  routingKey: z.string().max(255, 'must be at most 255 characters').optional(),
  /** AMQP headers (a headers exchange matches on them); each value may be a template. */
  headers: ownRecordSchema(z.string().min(1, 'must not be empty'), z.string().max(200, 'must be at most 200 characters')).optional(),
  /** AMQP per-message TTL (the expiration property) in virtual ms. */
  expirationMs: z.number().int('must be a whole number').min(0, 'must be 0 or more').optional(),
  /** basic.publish's mandatory flag: an unroutable message is returned instead of dropped silently. */
  mandatory: z.boolean().optional(),
  /** Request-reply: the queue (node id) replies should come to; each message carries reply_to and a correlation id. */
  replyTo: id.optional(),
  /** Pub/sub channel template. Default: the event type. */
  channel: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
});

const topicNode = z.strictObject({
  id,
  kind: z.literal('topic'),
  name,
  /** Kafka partitions; can be raised while running, never lowered. Default 1. */
  partitions: z.number().int('must be a whole number').min(1, 'must be at least 1').max(64, 'must be at most 64').optional(),
  /** retention.ms in virtual ms: closed segments older than this are deleted. */
  retentionMs: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
  /** Retention by size, counted in records per partition (Kafka counts bytes). */
  retentionRecords: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
  /** Records per log segment (Kafka rolls on bytes); retention and compaction act on closed segments. Default 100. */
  segmentRecords: z.number().int('must be a whole number').min(1, 'must be at least 1').max(FlowDefaults.maxSegmentRecords, 'must be at most 100,000').optional(),
  /** cleanup.policy=compact: the latest value per key survives; a null value is a tombstone. */
  compaction: z.boolean().optional(),
});

const typeName = (example: string) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .regex(/^[A-Za-z][A-Za-z0-9_.]*$/, `must be a type name such as ${example}`);

const commandNode = z.strictObject({
  id,
  kind: z.literal('command'),
  name,
  /** Imperative: PlaceOrder. */
  commandType: typeName('PlaceOrder'),
  /** Commands per virtual second; 0: only sent by hand from the panel. */
  rate: z.number().min(0, 'must be 0 or more').max(1_000_000, 'must be at most 1,000,000 commands/s'),
  /** JSON template of the command's data, as a producer's payload. */
  payload: jsonValue,
  /** Template of the aggregate (stream) id the command is for, e.g. "Order-{{ data.orderId }}". */
  aggregateId: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});

const aggregateNode = z.strictObject({
  id,
  kind: z.literal('aggregate'),
  name,
  /** Virtual ms between loading the aggregate and appending what it decided: the window for a concurrency conflict. */
  latencyMs: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(3_600_000, 'must be at most one hour'),
  /** A snapshot of a stream's state every this many events; 0 or absent: none. */
  snapshotEvery: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(10_000, 'must be at most 10,000').optional(),
  /** On a wrong expected version: load again and decide again (retry), or fail the command. Default retry. */
  onConflict: z.enum(['retry', 'fail']).optional(),
  /** Retries before a conflicting command fails. Default 3. */
  maxRetries: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(20, 'must be at most 20').optional(),
});

const exchangeNode = z.strictObject({
  id,
  kind: z.literal('exchange'),
  name,
  /** How bindings are matched: direct (equal key), fanout (all), topic (`*` one word, `#` zero or more), headers (x-match). */
  exchangeType: z.enum(['direct', 'fanout', 'topic', 'headers']),
  /** alternate-exchange: an exchange node that takes what this one cannot route. */
  alternateExchange: id.optional(),
});

const queueNode = z.strictObject({
  id,
  kind: z.literal('queue'),
  name,
  /** x-message-ttl in virtual ms. */
  messageTtlMs: z.number().int('must be a whole number').min(0, 'must be 0 or more').optional(),
  /** x-max-length: ready messages held; unacked ones do not count. */
  maxLength: z.number().int('must be a whole number').min(0, 'must be 0 or more').optional(),
  /** x-overflow. Default drop-head, as RabbitMQ. */
  overflow: z.enum(['drop-head', 'reject-publish', 'reject-publish-dlx']).optional(),
  /** x-dead-letter-exchange: an exchange node; without it, dead messages are dropped. */
  deadLetterExchange: id.optional(),
  /** x-dead-letter-routing-key; without it a dead message keeps its routing key. */
  deadLetterRoutingKey: z.string().max(255, 'must be at most 255 characters').optional(),
});

const pubsubNode = z.strictObject({ id, kind: z.literal('pubsub'), name });

const subscriberFields = {
  id,
  name,
  /** Virtual milliseconds between a record's append and its delivery to this subscriber. */
  latencyMs: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(3_600_000, 'must be at most one hour'),
  /** Consumer group id (group.id); subscribers sharing one split the partitions. Default: the node's id. */
  group: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters').optional(),
  /** partition.assignment.strategy. Default range. */
  assignor: z.enum(['range', 'roundrobin', 'cooperative-sticky']).optional(),
  /** auto: enable.auto.commit; after: commit each record after handling it; before: commit before handling. Default auto. */
  commit: z.enum(['auto', 'after', 'before']).optional(),
  autoCommitIntervalMs: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
  sessionTimeoutMs: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
  /** auto.offset.reset. Default latest, as Kafka. */
  offsetReset: z.enum(['earliest', 'latest']).optional(),
  /** AMQP basic.qos prefetch count per queue: unacked deliveries it may hold; 0 is unlimited. Default 0, as RabbitMQ. */
  prefetch: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(10_000, 'must be at most 10,000').optional(),
  /** AMQP acknowledgement: manual (ack after handling) or auto (no-ack: acked when sent, lost on a crash). Default manual. */
  ack: z.enum(['manual', 'auto']).optional(),
  /** AMQP: a handler that throws nacks with requeue, or rejects without (dead-lettered when the queue has a DLX). Default dead-letter. */
  onError: z.enum(['requeue', 'dead-letter']).optional(),
  /** Event store subscriptions: the event types it reads from the aggregates it is wired to; absent or empty: all. */
  eventTypes: z.array(typeName('OrderPlaced')).max(100, 'may list at most 100 event types').optional(),
};

const consumerNode = z.strictObject({ ...subscriberFields, kind: z.literal('consumer') });
const projectionNode = z.strictObject({ ...subscriberFields, kind: z.literal('projection') });

const flowNodeSchema = z.discriminatedUnion('kind', [producerNode, topicNode, exchangeNode, queueNode, pubsubNode, commandNode, aggregateNode, consumerNode, projectionNode]);

const schemaVersion = z.strictObject({
  version: z.number().int('must be a whole number').min(1, 'must be at least 1'),
  /** A JSON Schema (draft 2020-12 subset, see docs/schemas.md) for the event's data. */
  schema: ownRecordSchema(z.string(), jsonValue),
  /** Code defining `function upcast(data)` that turns the previous version's data into this one's. */
  upcaster: z.string().max(100_000, 'must be at most 100,000 characters').optional(),
});

/** An event type's schemas, oldest first: versions 1, 2, 3, … */
const eventTypeSchemas = z.strictObject({ versions: z.array(schemaVersion).min(1, 'must have at least one version').max(50, 'may have at most 50 versions') });

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
  seed: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(2 ** 32 - 1, 'must fit in 32 bits'),
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
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
export type ProducerNode = z.infer<typeof producerNode>;
export type TopicNode = z.infer<typeof topicNode>;
export type Invariant = z.infer<typeof invariant>;
export type CommandNode = z.infer<typeof commandNode>;
export type AggregateNode = z.infer<typeof aggregateNode>;
export type EventTypeSchemas = z.infer<typeof eventTypeSchemas>;
export type ExchangeNode = z.infer<typeof exchangeNode>;
export type QueueNode = z.infer<typeof queueNode>;
export type PubSubNode = z.infer<typeof pubsubNode>;
export type ConsumerNode = z.infer<typeof consumerNode>;
type ProjectionNode = z.infer<typeof projectionNode>;
export type SubscriberNode = ConsumerNode | ProjectionNode;
