import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../engine';
import { runCli } from './runCli';

const EXAMPLES = fileURLToPath(new URL('../../public/examples/', import.meta.url));

/** Runs the CLI and returns the step records it printed. */
async function run(argv: string[]): Promise<StepRecord[]> {
  let out = '';
  let err = '';
  const stream = (add: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        add(chunk.toString());
        done();
      },
    });
  const code = await runCli(argv, { stdout: stream((t) => (out += t)), stderr: stream((t) => (err += t)) });
  expect(err).toBe('');
  expect(code).toBe(0);
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as StepRecord);
}

describe('the CLI runs every gallery example and shows its signature behaviour', () => {
  it('runs each example file without error', async () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) expect((await run(['run', `${EXAMPLES}${file}`, '--steps', '300'])).length).toBe(300);
  });

  it('consumer group: a crash given as --crash is followed by a rebalance once the session expires', async () => {
    const records = await run(['run', `${EXAMPLES}consumer-group.json`, '--steps', '600', '--crash', 'billing-2@100']);
    expect(records[100]).toMatchObject({ kind: 'consumer', node: 'billing-2', action: 'crash' });
    const rebalance = records.slice(101).find((r) => r.kind === 'rebalance');
    expect(rebalance).toMatchObject({ group: 'billing', reason: expect.stringMatching(/session/) });
  });

  it('topic exchange: every publish is routed by pattern', async () => {
    const records = await run(['run', `${EXAMPLES}topic-exchange.json`, '--steps', '200']);
    const routes = records.flatMap((r) => (r.kind === 'publish' ? (r.amqp ?? []) : []));
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const [, region, status] = route.routingKey.split('.');
      const expected = [
        ...(region === 'eu' ? ['eu-orders'] : []),
        ...(status === 'cancelled' ? ['cancellations'] : []),
        'audit',
      ];
      expect(route.queues).toEqual(expected);
    }
  });

  it('dead-letter: poison messages are rejected into the DLQ', async () => {
    const records = await run(['run', `${EXAMPLES}dead-letter.json`, '--steps', '300']);
    const deaths = records.flatMap((r) => (r.kind === 'queue-deliver' ? (r.deaths ?? []) : []));
    expect(deaths.length).toBeGreaterThan(3);
    expect(deaths.every((d) => d.reason === 'rejected' && d.deadLetteredTo?.[0] === 'payments-dlq')).toBe(true);
  });

  it('runs a flow whose ids are named like Object.prototype members, and crashes such a consumer by --crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidemark-keys-'));
    const renamed = (file: string, from: string, to: string): string => {
      const path = join(dir, `${to}-${file}`);
      writeFileSync(path, readFileSync(`${EXAMPLES}${file}`, 'utf8').replaceAll(`"${from}"`, `"${to}"`));
      return path;
    };
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const records = await run(['run', renamed('orders.json', 'order-events', name), '--steps', '2000']);
      expect(records).toHaveLength(2000);
      expect(records.filter((r) => r.kind === 'deliver' && r.topic === name).length).toBeGreaterThan(1000);
    }
    const records = await run([
      'run',
      renamed('consumer-group.json', 'billing-2', '__proto__'),
      '--steps',
      '600',
      '--crash',
      '__proto__@100',
    ]);
    expect(records[100]).toMatchObject({ kind: 'consumer', node: '__proto__', action: 'crash' });
    const rebalance = records.slice(101).find((r) => r.kind === 'rebalance');
    expect(rebalance).toMatchObject({ group: 'billing', reason: expect.stringMatching(/session/) });
    expect(
      rebalance?.kind === 'rebalance' &&
        Object.hasOwn(rebalance.before, '__proto__') &&
        !Object.hasOwn(rebalance.after, '__proto__'),
    ).toBe(true);
  });
});
