import type { z } from 'zod';
import type { SchemaKit } from '../../flow';

const schema = ({ z, id, name }: SchemaKit) =>
  z.strictObject({
    id,
    kind: z.literal('aggregate'),
    name,
    /** Virtual ms between loading the aggregate and appending what it decided: the window for a concurrency conflict. */
    latencyMs: z
      .number()
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .max(3_600_000, 'must be at most one hour'),
    /** A snapshot of a stream's state every this many events; 0 or absent: none. */
    snapshotEvery: z
      .number()
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .max(10_000, 'must be at most 10,000')
      .optional(),
    /** On a wrong expected version: load again and decide again (retry), or fail the command. Default retry. */
    onConflict: z.enum(['retry', 'fail']).optional(),
    /** Retries before a conflicting command fails. Default 3. */
    maxRetries: z
      .number()
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .max(20, 'must be at most 20')
      .optional(),
  });

const AGGREGATE_CODE = `// The aggregate as a decider: decide turns a command into events (or a rejection),
// evolve folds an event into the state.
const initialState = { status: 'new' };

function decide(command: Command, state: any): DomainEvent[] | Rejection {
  switch (command.type) {
    case 'DoSomething':
      return [{ type: 'SomethingDone', data: command.data }];
  }
  return { rejected: \`unknown command \${command.type}\` };
}

function evolve(state: any, event: StoredEvent) {
  return { ...state, status: 'done' };
}
`;

/** An aggregate node in the flow document: its fields, the kinds it may feed, its title, how a new one starts. */
export const aggregateNode = {
  schema,
  connectsTo: ['consumer', 'projection'],
  title: 'Aggregate',
  /** A new node's fields besides id, kind and name: runnable as it is dropped. */
  defaults: { latencyMs: 10 } satisfies Omit<z.infer<ReturnType<typeof schema>>, 'id' | 'kind' | 'name'>,
  /** Handler code a new node starts with; a kind without it has no code. */
  code: AGGREGATE_CODE,
} as const;
