import { z } from 'zod';
import { ownRecordSchema } from './ownRecordSchema';

// Field schemas shared by the document and by each kind's node schema (src/kinds/<kind>/<kind>Node.ts).

export const id = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "_" and "-"');

export const name = z.string().min(1, 'must not be empty').max(80, 'must be at most 80 characters');

export const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), ownRecordSchema(z.string(), jsonValue)]),
);

/** A type name (a letter, then letters, digits, `_` or `.`); `example` goes in the message. */
export const typeName = (example: string) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .regex(/^[A-Za-z][A-Za-z0-9_.]*$/, `must be a type name such as ${example}`);

/** The fields consumers and projections share: both subscribe to brokers and the event store. */
export const subscriberFields = {
  id,
  name,
  /** Virtual milliseconds between a record's append and its delivery to this subscriber. */
  latencyMs: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(3_600_000, 'must be at most one hour'),
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
  prefetch: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(10_000, 'must be at most 10,000')
    .optional(),
  /** AMQP acknowledgement: manual (ack after handling) or auto (no-ack: acked when sent, lost on a crash). Default manual. */
  ack: z.enum(['manual', 'auto']).optional(),
  /** AMQP: a handler that throws nacks with requeue, or rejects without (dead-lettered when the queue has a DLX). Default dead-letter. */
  onError: z.enum(['requeue', 'dead-letter']).optional(),
  /** Event store subscriptions: the event types it reads from the aggregates it is wired to; absent or empty: all. */
  eventTypes: z.array(typeName('OrderPlaced')).max(100, 'may list at most 100 event types').optional(),
};
