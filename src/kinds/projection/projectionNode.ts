import type { z } from 'zod';
import type { SchemaKit } from '../../flow';

const schema = ({ z, subscriberFields }: SchemaKit) =>
  z.strictObject({ ...subscriberFields, kind: z.literal('projection') });

const PROJECTION_CODE = `function handle(event: TidemarkEvent, ctx: Context) {
  ctx.state.count = (ctx.state.count ?? 0) + 1;
}
`;

/** A projection node in the flow document: its fields, the kinds it may feed, its title, how a new one starts. */
export const projectionNode = {
  schema,
  connectsTo: [],
  title: 'Projection',
  /** A new node's fields besides id, kind and name: runnable as it is dropped. */
  defaults: { latencyMs: 10 } satisfies Omit<z.infer<ReturnType<typeof schema>>, 'id' | 'kind' | 'name'>,
  /** Handler code a new node starts with; a kind without it has no code. */
  code: PROJECTION_CODE,
} as const;
