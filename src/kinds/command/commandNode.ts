import type { z } from 'zod';
import type { SchemaKit } from '../../flow';

const schema = ({ z, id, name, jsonValue, typeName }: SchemaKit) =>
  z.strictObject({
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

/** A command node in the flow document: its fields, the kinds it may feed, its title, how a new one starts. */
export const commandNode = {
  schema,
  connectsTo: ['aggregate'],
  title: 'Command',
  /** A new node's fields besides id, kind and name: runnable as it is dropped. */
  defaults: {
    commandType: 'DoSomething',
    rate: 0,
    payload: { id: "{{ id('x') }}" },
    aggregateId: 'Thing-{{ data.id }}',
  } satisfies Omit<z.infer<ReturnType<typeof schema>>, 'id' | 'kind' | 'name'>,
} as const;
