import { z } from 'zod';
import { id, name } from '../../flow/nodeFields';

const schema = z.strictObject({
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

/** A aggregate node in the flow document: its fields, the kinds it may feed, whether it has handler code. */
export const aggregateNode = {
  schema,
  connectsTo: ['consumer', 'projection'],
  handlerCode: true,
} as const;

export type AggregateNode = z.infer<typeof schema>;
