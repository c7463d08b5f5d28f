// The golden runs: each example at its own seed, plus one with a crash and a restart so the fault path is pinned too.
export interface GoldenCase {
  /** File name under src/cli/golden/, without `.jsonl`. */
  readonly name: string;
  /** Arguments of `npm run flow --` after `run <file>`. */
  readonly example: string;
  readonly args: readonly string[];
}

const STEPS = ['--steps', '300'];

const EXAMPLES = [
  'consumer-group',
  'cqrs-read-models',
  'dead-letter',
  'online-shop',
  'orders',
  'pubsub',
  'request-reply',
  'saga-compensation',
  'schema-evolution',
  'topic-exchange',
] as const;

export const GOLDEN_CASES: readonly GoldenCase[] = [
  ...EXAMPLES.map((example) => ({ name: example, example, args: STEPS })),
  {
    name: 'consumer-group-crash',
    example: 'consumer-group',
    args: ['--steps', '600', '--crash', 'billing-2@100', '--restart', 'billing-2@400'],
  },
];
