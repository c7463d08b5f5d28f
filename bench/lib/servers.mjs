// Builds with Vite and serves with `vite preview`, spawned as plain node processes so kill() stops them.
import { spawn, spawnSync } from 'node:child_process';
import { get } from 'node:http';

const VITE = 'node_modules/vite/bin/vite.js';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `vite build` with `args`; its output goes to stderr so stdout stays one JSON object. */
export function viteBuild(args) {
  const result = spawnSync(process.execPath, [VITE, 'build', ...args], {
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) throw new Error(`vite build ${args.join(' ')} failed (exit ${result.status})`);
}

// node:http rather than fetch: fetch fails in a process that has loaded @playwright/test
function isUp(url) {
  return new Promise((resolve) => {
    const req = get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });
}

/** Starts `vite preview` on 127.0.0.1:port and resolves once it answers. */
export async function startPreview(args, port) {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [VITE, 'preview', ...args, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  let exited = false;
  child.on('exit', () => (exited = true));
  for (let i = 0; i < 300 && !exited; i++) {
    if (await isUp(url)) return { url, stop: () => child.kill() };
    await sleep(100);
  }
  child.kill();
  throw new Error(`vite preview ${args.join(' ')} did not start on port ${port}`);
}
