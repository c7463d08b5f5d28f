// Entry point of `npm run flow -- …`: runs the engine headless in Node (see docs/cli.md).
import process from 'node:process';
import { runCli } from './runCli';

// exitCode rather than exit() so buffered stdout is flushed before Node leaves
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
