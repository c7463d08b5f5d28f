import { describe, expect, it } from 'vitest';
import { DEFAULT_STEPS, parseCliArgs } from './args';

describe('parseCliArgs', () => {
  it('reads run with a file, defaulting to 1000 steps and the flow’s own seed', () => {
    expect(parseCliArgs(['run', 'flow.json'])).toEqual({
      kind: 'run',
      options: { file: 'flow.json', steps: DEFAULT_STEPS },
    });
    expect(DEFAULT_STEPS).toBe(1000);
  });

  it('reads --seed and --steps, before or after the file, with a space or "="', () => {
    const expected = { kind: 'run', options: { file: 'f.json', seed: 7, steps: 500 } };
    expect(parseCliArgs(['run', 'f.json', '--seed', '7', '--steps', '500'])).toEqual(expected);
    expect(parseCliArgs(['--steps=500', 'run', '--seed=7', 'f.json'])).toEqual(expected);
  });

  it('accepts the whole range of seeds and zero steps', () => {
    expect(parseCliArgs(['run', 'f', '--seed', '0', '--steps', '0'])).toMatchObject({ options: { seed: 0, steps: 0 } });
    expect(parseCliArgs(['run', 'f', '--seed', '4294967295'])).toMatchObject({ options: { seed: 4294967295 } });
  });

  it('asks for help with --help or -h, whatever else is there', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['run', 'f.json', '-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], 'missing command'],
    [['go', 'f.json'], 'unknown command "go"'],
    [['run'], 'missing the flow file'],
    [['run', 'a.json', 'b.json'], 'unexpected argument "b.json"'],
    [['run', 'f.json', '--seed', 'abc'], '--seed must be a whole number, got "abc"'],
    [['run', 'f.json', '--seed', '-1'], '--seed'],
    [['run', 'f.json', '--seed', '4294967296'], '--seed must be at most 4294967295'],
    [['run', 'f.json', '--steps', '1e3'], '--steps must be a whole number, got "1e3"'],
    [['run', 'f.json', '--steps', '2.5'], '--steps must be a whole number'],
    [['run', 'f.json', '--steps'], "Option '--steps <value>' argument missing"],
    [['run', 'f.json', '--sed', '1'], "Unknown option '--sed'"],
  ])('refuses %j: %s', (argv, message) => {
    const args = parseCliArgs(argv);
    expect(args.kind).toBe('invalid');
    if (args.kind === 'invalid') expect(args.message).toContain(message);
  });
});

describe('crash and restart inputs', () => {
  it('reads repeatable --crash and --restart NODE@STEP, ordered by step', () => {
    expect(parseCliArgs(['run', 'f.json', '--restart', 'b-2@400', '--crash', 'b-2@100'])).toEqual({
      kind: 'run',
      options: {
        file: 'f.json',
        steps: 1000,
        inputs: [
          { node: 'b-2', step: 100, action: 'crash' },
          { node: 'b-2', step: 400, action: 'restart' },
        ],
      },
    });
  });

  it('refuses a malformed NODE@STEP', () => {
    expect(parseCliArgs(['run', 'f.json', '--crash', 'b-2'])).toEqual({
      kind: 'invalid',
      message: '--crash must be NODE@STEP (a node id and a step number), got "b-2"',
    });
  });
});
