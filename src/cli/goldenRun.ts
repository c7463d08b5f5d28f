import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { GoldenCase } from './goldenCases';
import { runCli } from './runCli';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../public/examples/', import.meta.url));
export const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));

/** The CLI's whole stdout for one golden case, exactly as `npm run -s flow -- run …` prints it. */
export async function goldenOutput(golden: GoldenCase): Promise<string> {
  let out = '';
  let err = '';
  const sink = (add: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        add(chunk.toString());
        done();
      },
    });
  const argv = ['run', `${EXAMPLES_DIR}${golden.example}.json`, ...golden.args];
  const code = await runCli(argv, { stdout: sink((t) => (out += t)), stderr: sink((t) => (err += t)) });
  if (code !== 0 || err !== '') throw new Error(`golden run ${golden.name} failed (exit ${code}): ${err}`);
  return out;
}
