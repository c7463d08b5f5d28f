import type { z } from 'zod';
import type { SchemaKit } from '../../flow';

const schema = ({ z, id, name, jsonValue, ownRecordSchema }: SchemaKit) =>
  z.strictObject({
    id,
    kind: z.literal('producer'),
    name,
    eventType: z
      .string()
      .min(1, 'must not be empty')
      .regex(/^[A-Za-z][A-Za-z0-9_.]*$/, 'must be a type name such as OrderPlaced'),
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
    headers: ownRecordSchema(
      z.string().min(1, 'must not be empty'),
      z.string().max(200, 'must be at most 200 characters'),
    ).optional(),
    /** AMQP per-message TTL (the expiration property) in virtual ms. */
    expirationMs: z.number().int('must be a whole number').min(0, 'must be 0 or more').optional(),
    /** basic.publish's mandatory flag: an unroutable message is returned instead of dropped silently. */
    mandatory: z.boolean().optional(),
    /** Request-reply: the queue (node id) replies should come to; each message carries reply_to and a correlation id. */
    replyTo: id.optional(),
    /** Pub/sub channel template. Default: the event type. */
    channel: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  });

/** A producer node in the flow document: its fields, the kinds it may feed, its title, how a new one starts. */
export const producerNode = {
  schema,
  connectsTo: ['topic', 'exchange', 'queue', 'pubsub'],
  title: 'Producer',
  /** A new node's fields besides id, kind and name: runnable as it is dropped. */
  defaults: {
    eventType: 'SomethingHappened',
    rate: 1,
    payload: { id: "{{ id('evt') }}", value: '{{ int(1, 100) }}' },
  } satisfies Omit<z.infer<ReturnType<typeof schema>>, 'id' | 'kind' | 'name'>,
} as const;
