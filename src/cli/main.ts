// Entry point of `npm run flow -- …`: runs the engine headless in Node (see docs/cli.md).
import process from 'node:process';
import { hardenRealm } from '../engine';
import { runCli } from './runCli';

// Before anything else runs: user code in the flow must find the shared intrinsics frozen.
hardenRealm();

// exitCode rather than exit() so buffered stdout is flushed before Node leaves
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
