import { z } from 'zod';
import { id, name } from '../../flow/nodeFields';

const schema = z.strictObject({ id, kind: z.literal('pubsub'), name });

/** A pubsub node in the flow document: its fields, the kinds it may feed, whether it has handler code. */
export const pubsubNode = {
  schema,
  connectsTo: ['consumer', 'projection'],
  handlerCode: false,
} as const;

export type PubSubNode = z.infer<typeof schema>;
