import type { z } from 'zod';
import type { SchemaKit } from '../../flow';

const schema = ({ z, id, name }: SchemaKit) =>
  z.strictObject({
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

/** A queue node in the flow document: its fields, the kinds it may feed, its title, how a new one starts. */
export const queueNode = {
  schema,
  connectsTo: ['consumer', 'projection'],
  title: 'Queue',
  /** A new node's fields besides id, kind and name: runnable as it is dropped. */
  defaults: {} satisfies Omit<z.infer<ReturnType<typeof schema>>, 'id' | 'kind' | 'name'>,
} as const;
