import { z } from 'zod';
import { id, name } from '../../flow/nodeFields';

const schema = z.strictObject({
  id,
  kind: z.literal('exchange'),
  name,
  /** How bindings are matched: direct (equal key), fanout (all), topic (`*` one word, `#` zero or more), headers (x-match). */
  exchangeType: z.enum(['direct', 'fanout', 'topic', 'headers']),
  /** alternate-exchange: an exchange node that takes what this one cannot route. */
  alternateExchange: id.optional(),
});

/** A exchange node in the flow document: its fields, the kinds it may feed, whether it has handler code. */
export const exchangeNode = {
  schema,
  connectsTo: ['queue', 'exchange'],
  handlerCode: false,
} as const;

export type ExchangeNode = z.infer<typeof schema>;
