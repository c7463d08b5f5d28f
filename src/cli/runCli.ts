import { parseCliArgs, USAGE } from './args';
import { ExitCode, runCommand, type CliIo } from './runCommand';

/** The whole CLI as a function of its arguments and streams; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCliArgs(argv);
  if (args.kind === 'help') {
    io.stdout.write(USAGE);
    return ExitCode.Ok;
  }
  if (args.kind === 'invalid') {
    io.stderr.write(`error: ${args.message}\n\n${USAGE}`);
    return ExitCode.Usage;
  }
  return runCommand(args.options, io);
}
