import { z } from 'zod';
import { subscriberFields } from '../../flow/nodeFields';

const schema = z.strictObject({ ...subscriberFields, kind: z.literal('consumer') });

/** A consumer node in the flow document: its fields, the kinds it may feed, whether it has handler code. */
export const consumerNode = {
  schema,
  // A consumer wired to an aggregate is a policy: ctx.send() issues commands to it.
  connectsTo: ['aggregate'],
  handlerCode: true,
} as const;

export type ConsumerNode = z.infer<typeof schema>;
