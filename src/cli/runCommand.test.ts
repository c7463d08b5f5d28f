import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFlow } from '../run';
import { parseFlow } from '../flow';
import { runCli } from './runCli';

const EXAMPLE = fileURLToPath(new URL('../../public/examples/orders.json', import.meta.url));

/** A stream that keeps what it is given; `delay` makes it a slow reader. */
function sink(options: { delay?: boolean; fail?: NodeJS.ErrnoException } = {}) {
  const chunks: string[] = [];
  let maxBuffered = 0;
  const stream = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      maxBuffered = Math.max(maxBuffered, stream.writableLength);
      if (options.fail) return done(options.fail);
      chunks.push(chunk.toString());
      if (options.delay) setImmediate(done);
      else done();
    },
  });
  return {
    stream,
    text: () => chunks.join(''),
    get maxBuffered() {
      return maxBuffered;
    },
  };
}

async function cli(argv: string[], stdout = sink()) {
  const stderr = sink();
  const code = await runCli(argv, { stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

function expectedLines(seed: number | undefined, steps: number): string {
  const result = parseFlow(readFileSync(EXAMPLE, 'utf8'));
  if (!result.ok) throw new Error('example does not validate');
  const flow = seed === undefined ? result.flow : { ...result.flow, seed };
  const lines: string[] = [];
  runFlow(flow, steps, (r) => lines.push(`${JSON.stringify(r)}\n`));
  return lines.join('');
}

describe('runCli run', () => {
  it('prints exactly the records runFlow gives, one JSON line each', async () => {
    const { code, stdout, stderr } = await cli(['run', EXAMPLE, '--seed', '7', '--steps', '300']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(expectedLines(7, 300));
  });

  it('runs 1000 steps with the flow’s own seed by default', async () => {
    const { stdout } = await cli(['run', EXAMPLE]);
    expect(stdout.split('\n').slice(0, -1)).toHaveLength(1000);
    expect(stdout).toBe(expectedLines(undefined, 1000));
  });

  it('prints nothing for zero steps and stops early when the flow has nothing left to do', async () => {
    expect((await cli(['run', EXAMPLE, '--steps', '0'])).stdout).toBe('');
    const dir = mkdtempSync(join(tmpdir(), 'tidemark-cli-'));
    const idle = join(dir, 'idle.json');
    const flow = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { nodes: { rate?: unknown }[] };
    flow.nodes[0]!.rate = 0;
    writeFileSync(idle, JSON.stringify(flow));
    expect(await cli(['run', idle, '--steps', '50'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('streams at a slow reader’s pace instead of buffering the whole run', async () => {
    const slow = sink({ delay: true });
    const { code, stdout } = await cli(['run', EXAMPLE, '--steps', '5000'], slow);
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(1_000_000);
    expect(stdout).toBe(expectedLines(undefined, 5000));
    // at most about one 64 KiB chunk waits beyond the stream's own buffer
    expect(slow.maxBuffered).toBeLessThan(200 * 1024);
  });

  it('stops quietly with 0 when the reader goes away (EPIPE), and fails on other write errors', async () => {
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    expect(await cli(['run', EXAMPLE, '--steps', '100000'], sink({ fail: epipe }))).toMatchObject({
      code: 0,
      stderr: '',
    });
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const result = await cli(['run', EXAMPLE, '--steps', '2000'], sink({ fail: full }));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: writing the output: no space left on device\n');
  });
});

describe('runCli errors', () => {
  it('names the file, the path and the reason of each problem of a malformed flow, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidemark-cli-'));
    const file = join(dir, 'bad.json');
    const flow = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as {
      nodes: { rate?: unknown }[];
      edges: { target?: unknown }[];
    };
    flow.nodes[0]!.rate = 'fast';
    flow.edges[1]!.target = 'sms';
    writeFileSync(file, JSON.stringify(flow));
    expect(await cli(['run', file])).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: ${file}: nodes[0].rate: Invalid input: expected number, received string\n`,
    });
    flow.nodes[0]!.rate = 2;
    writeFileSync(file, JSON.stringify(flow));
    expect((await cli(['run', file])).stderr).toBe(`error: ${file}: edges[1].target: no node has id "sms"\n`);
  });

  it('reports text that is not JSON without a path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidemark-cli-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "format": ');
    const { code, stderr } = await cli(['run', file]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON \\(.+\\)\\n$`),
    );
  });

  it('reports a missing file or a directory plainly, and exits 1', async () => {
    expect(await cli(['run', '/no/such/flow.json'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: /no/such/flow.json: no such file\n',
    });
    const dir = mkdtempSync(join(tmpdir(), 'tidemark-cli-'));
    expect(await cli(['run', dir])).toMatchObject({
      code: 1,
      stderr: `error: ${dir}: is a directory, not a flow file\n`,
    });
  });

  it('prints the usage with the reason for bad arguments (exit 2), and the usage alone for --help (exit 0)', async () => {
    const bad = await cli(['run', EXAMPLE, '--steps', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^error: --steps must be a whole number, got "many"\n\nUsage: /);
    const help = await cli(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: npm run flow -- run <flow\.json> \[--seed N\] \[--steps N\]/);
  });
});
