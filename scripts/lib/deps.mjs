// Installs dependencies when node_modules is missing or older than the lockfile.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { info } from './log.mjs';
import { run } from './proc.mjs';

/** Why an install is needed, or null when node_modules is up to date. */
function installReason(root) {
  const lockfile = path.join(root, 'package-lock.json');
  const nodeModules = path.join(root, 'node_modules');
  const installedLock = path.join(nodeModules, '.package-lock.json');
  if (!existsSync(nodeModules)) return 'node_modules is missing';
  if (!existsSync(lockfile)) return null;
  if (!existsSync(installedLock)) return 'node_modules has no record of an npm install';
  if (statSync(lockfile).mtimeMs > statSync(installedLock).mtimeMs) {
    return 'package-lock.json is newer than node_modules';
  }
  return null;
}

/** Ensures node_modules matches the lockfile; resolves true when dependencies are usable. */
export async function ensureDependencies(root) {
  const reason = installReason(root);
  if (!reason) {
    info('dependencies: node_modules is up to date with package-lock.json');
    return true;
  }
  const hasLock = existsSync(path.join(root, 'package-lock.json'));
  const args = hasLock ? ['ci'] : ['install'];
  args.push('--no-audit', '--no-fund');
  info(`dependencies: ${reason}, running npm ${args.join(' ')}`);
  const { code } = await run('npm', args, { cwd: root });
  return code === 0;
}
