import { z } from 'zod';
import { subscriberFields } from '../../flow/nodeFields';

const schema = z.strictObject({ ...subscriberFields, kind: z.literal('projection') });

/** A projection node in the flow document: its fields, the kinds it may feed, whether it has handler code. */
export const projectionNode = {
  schema,
  connectsTo: [],
  handlerCode: true,
} as const;

export type ProjectionNode = z.infer<typeof schema>;
