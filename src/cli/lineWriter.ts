import type { Writable } from 'node:stream';

// About 64 KiB per write: few enough syscalls for a million lines, small enough to stream.
const CHUNK_CHARS = 64 * 1024;

/** Resolves when the stream has room again, or can never have it (closed or failed). */
function room(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}

/**
 * Buffers lines and writes them in chunks, waiting for 'drain' when the stream says it is full, so
 * a long run streams at the reader's pace instead of piling up in memory.
 */
export class LineWriter {
  private lines: string[] = [];
  private size = 0;
  private failure: Error | undefined;

  constructor(private readonly stream: Writable) {
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  /** The stream's error, once it has failed (EPIPE when the reader went away). */
  get error(): Error | undefined {
    return this.failure;
  }

  /** Queues one line (without its newline); returns a promise to await only when a chunk went out. */
  write(line: string): Promise<void> | undefined {
    this.lines.push(line);
    this.size += line.length + 1;
    return this.size >= CHUNK_CHARS ? this.flush() : undefined;
  }

  /** Writes what is buffered and waits for room (or the stream's failure). */
  async flush(): Promise<void> {
    if (this.lines.length === 0 || this.failure) return;
    const chunk = `${this.lines.join('\n')}\n`;
    this.lines = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await room(this.stream);
    // a synchronous stdout never says it is full; yielding lets a broken pipe's 'error' arrive
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
