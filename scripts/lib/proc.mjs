// Running child processes: streamed to our stdout, never reading stdin (CI has none).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { dim } from './log.mjs';

const TAIL_CHARS = 64 * 1024;
const interactive = Boolean(process.stdout.isTTY);

/**
 * Removes ANSI colour codes from a stream of chunks, holding back an escape sequence cut in
 * two by a chunk boundary. Some tools (rolldown's diagnostics) colour even when NO_COLOR is set.
 */
function createAnsiStripper() {
  let pending = '';
  return (chunk) => {
    let text = pending + chunk;
    pending = '';
    // eslint-disable-next-line no-control-regex -- an ANSI sequence starts with ESC
    const cut = text.match(/\x1b(\[[0-9;?]*)?$/);
    if (cut) {
      pending = cut[0];
      text = text.slice(0, -cut[0].length);
    }
    // eslint-disable-next-line no-control-regex -- as above
    return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  };
}

/** Piped output is not a TTY: keep the colours for a person at a terminal (CI logs are stripped). */
function colorEnv() {
  if (process.env.NO_COLOR || process.env.FORCE_COLOR || !interactive) return {};
  return { FORCE_COLOR: '1' };
}

/**
 * Runs a command to completion, forwarding its output and keeping the last 64 KB of it.
 * Resolves (never rejects) with { code, output }; a spawn error gives code 127.
 */
export function run(command, args, { cwd, env, label } = {}) {
  console.log(dim(`$ ${label ?? [command, ...args].join(' ')}`));
  return new Promise((resolve) => {
    let output = '';
    const keep = (text) => {
      output += text;
      if (output.length > TAIL_CHARS * 2) output = output.slice(-TAIL_CHARS);
    };
    const plainOut = createAnsiStripper();
    const plainErr = createAnsiStripper();
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...colorEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // npm is npm.cmd on Windows, which only a shell can start
      shell: process.platform === 'win32' && !command.endsWith('.exe') && command !== process.execPath,
    });
    // decoded as a stream, so a UTF-8 character split across chunks stays whole
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      const text = interactive ? chunk : plainOut(chunk);
      process.stdout.write(text);
      keep(text);
    });
    child.stderr.on('data', (chunk) => {
      const text = interactive ? chunk : plainErr(chunk);
      process.stderr.write(text);
      keep(text);
    });
    child.on('error', (err) => {
      output += `\n${err.message}\n`;
      console.log(`failed to start ${command}: ${err.message}`);
      resolve({ code: 127, output });
    });
    child.on('close', (code, signal) => {
      resolve({ code: code ?? (signal ? 128 : 1), output: output.slice(-TAIL_CHARS) });
    });
  });
}

/**
 * The JavaScript file behind a package's command, so it runs with this Node directly:
 * faster than npx, never downloads anything, and the same on Windows.
 */
function packageBin(root, packageName, binName) {
  let manifestPath = path.join(root, 'node_modules', packageName, 'package.json');
  if (!existsSync(manifestPath)) {
    manifestPath = createRequire(path.join(root, 'package.json')).resolve(`${packageName}/package.json`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[binName];
  if (!bin) throw new Error(`${packageName} has no "${binName}" command`);
  return path.join(path.dirname(manifestPath), bin);
}

/** Runs a package's command with the current Node, printing it as `npx <bin> ...`. */
export async function runBin(root, packageName, binName, args, options = {}) {
  let script;
  try {
    script = packageBin(root, packageName, binName);
  } catch (err) {
    console.log(`cannot find the ${binName} command of ${packageName}: ${err.message}`);
    return { code: 127, output: String(err.message) };
  }
  return run(process.execPath, [script, ...args], {
    cwd: root,
    label: `npx ${[binName, ...args].join(' ')}`,
    ...options,
  });
}
