import type { z } from 'zod';
import type { SchemaKit } from '../../flow';

const schema = ({ z, subscriberFields }: SchemaKit) =>
  z.strictObject({ ...subscriberFields, kind: z.literal('consumer') });

const CONSUMER_CODE = `function handle(event: TidemarkEvent, ctx: Context) {
  ctx.log(\`got \${event.type} \${event.id}\`);
}
`;

/** A consumer node in the flow document: its fields, the kinds it may feed, its title, how a new one starts. */
export const consumerNode = {
  schema,
  // A consumer wired to an aggregate is a policy: ctx.send() issues commands to it.
  connectsTo: ['aggregate'],
  title: 'Consumer',
  /** A new node's fields besides id, kind and name: runnable as it is dropped. */
  defaults: { latencyMs: 10 } satisfies Omit<z.infer<ReturnType<typeof schema>>, 'id' | 'kind' | 'name'>,
  /** Handler code a new node starts with; a kind without it has no code. */
  code: CONSUMER_CODE,
} as const;
