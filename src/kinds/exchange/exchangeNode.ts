import type { z } from 'zod';
import type { SchemaKit } from '../../flow';

const schema = ({ z, id, name }: SchemaKit) =>
  z.strictObject({
    id,
    kind: z.literal('exchange'),
    name,
    /** How bindings are matched: direct (equal key), fanout (all), topic (`*` one word, `#` zero or more), headers (x-match). */
    exchangeType: z.enum(['direct', 'fanout', 'topic', 'headers']),
    /** alternate-exchange: an exchange node that takes what this one cannot route. */
    alternateExchange: id.optional(),
  });

/** An exchange node in the flow document: its fields, the kinds it may feed, its title, how a new one starts. */
export const exchangeNode = {
  schema,
  connectsTo: ['queue', 'exchange'],
  title: 'Exchange',
  /** A new node's fields besides id, kind and name: runnable as it is dropped. */
  defaults: { exchangeType: 'topic' } satisfies Omit<z.infer<ReturnType<typeof schema>>, 'id' | 'kind' | 'name'>,
} as const;
