/** Runs `work` with stdout sent to stderr: the bench's stdout carries only its JSON report. */
export async function onStderr(work) {
  const write = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr);
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
}
