import type { z } from 'zod';
import type { SchemaKit } from '../../flow';

const schema = ({ z, id, name }: SchemaKit) => z.strictObject({ id, kind: z.literal('pubsub'), name });

/** A pubsub node in the flow document: its fields, the kinds it may feed, its title, how a new one starts. */
export const pubsubNode = {
  schema,
  connectsTo: ['consumer', 'projection'],
  title: 'Pub/sub',
  /** A new node's fields besides id, kind and name: runnable as it is dropped. */
  defaults: {} satisfies Omit<z.infer<ReturnType<typeof schema>>, 'id' | 'kind' | 'name'>,
} as const;
