import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { Runtime } from '../run';
import { parseFlow, type FlowDocument } from '../flow';
import type { RunOptions } from './args';
import { LineWriter } from './lineWriter';

export interface CliIo {
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** Exit codes: 0 done, 1 the flow or its file is bad (or output failed), 2 bad arguments. */
export const ExitCode = { Ok: 0, Failed: 1, Usage: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

async function readText(file: string): Promise<{ ok: true; text: string } | { ok: false; reason: string }> {
  try {
    return { ok: true, text: await readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'no such file' };
    if (code === 'EISDIR') return { ok: false, reason: 'is a directory, not a flow file' };
    if (code === 'EACCES') return { ok: false, reason: 'permission denied' };
    return { ok: false, reason: (error as Error).message };
  }
}

/** Reads and validates the flow file; on failure writes `error: <file>: <path>: <reason>` lines. */
async function loadFlow(file: string, stderr: Writable): Promise<FlowDocument | undefined> {
  const read = await readText(file);
  if (!read.ok) {
    stderr.write(`error: ${file}: ${read.reason}\n`);
    return undefined;
  }
  const result = parseFlow(read.text);
  if (!result.ok) {
    for (const p of result.problems) stderr.write(`error: ${file}: ${p.path ? `${p.path}: ` : ''}${p.reason}\n`);
    return undefined;
  }
  return result.flow;
}

/**
 * `run`: prints each StepRecord as one JSON line. It steps a Runtime itself rather than calling
 * runFlow, which is synchronous, so it can wait for stdout to drain; the records are the same.
 */
export async function runCommand(options: RunOptions, io: CliIo): Promise<ExitCode> {
  const loaded = await loadFlow(options.file, io.stderr);
  if (!loaded) return ExitCode.Failed;
  const flow = options.seed === undefined ? loaded : { ...loaded, seed: options.seed };
  const runtime = Runtime.start(flow);
  const out = new LineWriter(io.stdout);
  const inputs = [...(options.inputs ?? [])];
  for (let i = 0; i < options.steps && !out.error; i++) {
    // A crash or restart due at this step is executed as it, as the app records a button press.
    const input = inputs[0]?.step === i ? inputs.shift() : undefined;
    const record = input ? runtime.apply({ type: 'consumer', node: input.node, action: input.action }) : runtime.step();
    if (!record) break;
    const full = out.write(JSON.stringify(record));
    if (full) await full;
  }
  await out.flush();
  const error = out.error as NodeJS.ErrnoException | undefined;
  // the reader closing the pipe early (`| head`) is not a failure of the run
  if (error && error.code !== 'EPIPE') {
    io.stderr.write(`error: writing the output: ${error.message}\n`);
    return ExitCode.Failed;
  }
  return ExitCode.Ok;
}
