// Ending a command-line tool. process.exit() drops whatever stdout or stderr still holds: a pipe takes 64 KiB at
// once, the rest waits in the process, so `report --format json | cat` used to get 64 KiB of cut-off JSON and exit
// code 0. Tools set process.exitCode and let Node end on its own; where they must end now (a signal), this waits
// until both streams have handed everything to the operating system. Output that stays in the process until
// delivered can also meet a reader that has gone (`| head`): that is the end of the output, not an error.

/** Exits with `code` once everything written so far to stdout and stderr is flushed. */
export function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let waiting = 2;
  const flushed = () => {
    waiting -= 1;
    if (waiting === 0) process.exit(code);
  };
  // A write's callback runs once it and every write before it are done (or the stream failed, e.g. EPIPE).
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}

/**
 * A reader that stops early (`report | head`) closes the pipe: that ends the output, not the tool with a stack
 * trace. Any other failure of the stream is still thrown.
 */
export function endQuietlyWhenReaderCloses(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
