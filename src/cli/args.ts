import { parseArgs } from 'node:util';

export const DEFAULT_STEPS = 1000;
const MAX_SEED = 2 ** 32 - 1;

export const USAGE = `Usage: npm run flow -- run <flow.json> [--seed N] [--steps N] [--crash NODE@STEP] [--restart NODE@STEP]

Runs a Tidemark flow headless and prints each step record as one line of JSON.

Options:
  --seed N             seed of the run's random generator, 0 to 4294967295 (default: the flow's seed)
  --steps N            steps to run (default: ${DEFAULT_STEPS}); fewer when the flow runs out of work
  --crash NODE@STEP    crash consumer NODE (a node id) as step STEP, as the Crash button does; repeatable
  --restart NODE@STEP  restart it as step STEP; repeatable
  -h, --help           print this help
`;

/** A crash or restart given on the command line: executed as that step. */
interface CliInput {
  readonly step: number;
  readonly node: string;
  readonly action: 'crash' | 'restart';
}

export interface RunOptions {
  readonly file: string;
  /** Overrides the flow's own seed when given. */
  readonly seed?: number;
  readonly steps: number;
  /** Ordered by step. */
  readonly inputs?: readonly CliInput[];
}

export type CliArgs =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly options: RunOptions }
  | { readonly kind: 'invalid'; readonly message: string };

/** A whole number in [0, max] written in plain digits ("1e3" and "0x10" are refused: a typo should not run). */
function wholeNumber(text: string, name: string, max: number): number | string {
  if (!/^\d+$/.test(text)) return `--${name} must be a whole number, got "${text}"`;
  const value = Number(text);
  return value <= max ? value : `--${name} must be at most ${max}, got ${text}`;
}

/** Reads the command line (without `node` and the script); never throws. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        seed: { type: 'string' },
        steps: { type: 'string' },
        crash: { type: 'string', multiple: true },
        restart: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // node's message goes on about "--" for positionals; its first sentence is the point
    return { kind: 'invalid', message: (error as Error).message.split('. ')[0]! };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, file, ...extra] = positionals;
  if (command === undefined) return { kind: 'invalid', message: 'missing command (the only one is "run")' };
  if (command !== 'run') return { kind: 'invalid', message: `unknown command "${command}" (the only one is "run")` };
  if (file === undefined) return { kind: 'invalid', message: 'missing the flow file to run' };
  if (extra.length > 0) return { kind: 'invalid', message: `unexpected argument "${extra[0]}"` };
  const seed = values.seed === undefined ? undefined : wholeNumber(values.seed, 'seed', MAX_SEED);
  if (typeof seed === 'string') return { kind: 'invalid', message: seed };
  const steps =
    values.steps === undefined ? DEFAULT_STEPS : wholeNumber(values.steps, 'steps', Number.MAX_SAFE_INTEGER);
  if (typeof steps === 'string') return { kind: 'invalid', message: steps };
  const inputs: CliInput[] = [];
  for (const action of ['crash', 'restart'] as const) {
    for (const text of values[action] ?? []) {
      const match = /^([A-Za-z0-9_-]+)@(\d+)$/.exec(text);
      if (!match)
        return {
          kind: 'invalid',
          message: `--${action} must be NODE@STEP (a node id and a step number), got "${text}"`,
        };
      inputs.push({ node: match[1]!, step: Number(match[2]), action });
    }
  }
  inputs.sort((a, b) => a.step - b.step);
  const base = seed === undefined ? { file, steps } : { file, seed, steps };
  return { kind: 'run', options: inputs.length > 0 ? { ...base, inputs } : base };
}
