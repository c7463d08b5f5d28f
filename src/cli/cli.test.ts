import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// These run the real entry point the way `npm run flow` does (tsx as Node's loader), in a child process.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLE = 'public/examples/orders.json';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function flowCli(args: string[], options: { stopAfterFirstLine?: boolean } = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk);
      // like `| head -1`: the reader goes away mid-run
      if (options.stopAfterFirstLine && chunk.includes(10)) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }),
    );
  });
}

const lines = (text: string): string[] => text.split('\n').slice(0, -1);

// Child processes load tsx first: on a busy machine that alone can take seconds.
describe('npm run flow -- run (child process)', { timeout: 60_000 }, () => {
  it('prints the same bytes for the same seed, others for another seed, 500 JSON lines each', async () => {
    const [a, b, c, byDefault, seed42] = await Promise.all([
      flowCli(['run', EXAMPLE, '--seed', '7', '--steps', '500']),
      flowCli(['run', EXAMPLE, '--seed', '7', '--steps', '500']),
      flowCli(['run', EXAMPLE, '--seed', '8', '--steps', '500']),
      flowCli(['run', EXAMPLE, '--steps', '500']),
      flowCli(['run', EXAMPLE, '--seed', '42', '--steps', '500']),
    ]);
    for (const run of [a, b, c]) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout.endsWith('\n')).toBe(true);
      const records = lines(run.stdout).map((line) => JSON.parse(line) as { step: number; kind: string });
      expect(records).toHaveLength(500);
      expect(records.map((r) => r.step)).toEqual(records.map((_, i) => i));
    }
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    // without --seed the flow's own seed (42 in the example) is used
    expect(byDefault.stdout).toBe(seed42.stdout);
    const first: unknown = JSON.parse(lines(a.stdout)[0]!);
    expect(first).toMatchObject({
      kind: 'publish',
      event: { specversion: '1.0', type: 'OrderPlaced', source: '/producers/orders' },
    });
  });

  it('exits 1 naming the path of the problem in a malformed flow file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidemark-cli-'));
    const file = join(dir, 'bad-rate.json');
    const flow = JSON.parse(readFileSync(join(ROOT, EXAMPLE), 'utf8')) as { nodes: { rate?: unknown }[] };
    flow.nodes[0]!.rate = '2';
    writeFileSync(file, JSON.stringify(flow, null, 2));
    const [bad, missing, usage] = await Promise.all([
      flowCli(['run', file, '--steps', '10']),
      flowCli(['run', join(dir, 'missing.json')]),
      flowCli(['run', EXAMPLE, '--steps', '-3']),
    ]);
    expect(bad).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: ${file}: nodes[0].rate: Invalid input: expected number, received string\n`,
    });
    expect(missing).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `error: ${join(dir, 'missing.json')}: no such file\n`,
    });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run flow -- run <flow.json>');
  });

  it('ends promptly and cleanly when the reader closes the pipe early', async () => {
    const run = await flowCli(['run', EXAMPLE, '--steps', '1000000'], { stopAfterFirstLine: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout.split('\n')[0]!)).toMatchObject({ kind: 'publish', step: 0 });
  });
});
