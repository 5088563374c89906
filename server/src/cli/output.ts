/** Where the command line writes: one line at a time, to standard output or to standard error. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/**
 * The process's standard output and error, for the command line. When the reader of either closes its end
 * early (`lync-topology check FILE | head -1`), the write fails with EPIPE; like other Unix tools, the command
 * line then writes nothing more to that stream and ends with the status its work gives, instead of dying on
 * an unhandled 'error' event with a stack trace. Any other write error is thrown.
 */
export function processOutput(): Output {
  const line = (stream: NodeJS.WriteStream) => {
    let closed = false;
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      closed = true;
    });
    return (text: string) => {
      if (!closed && !stream.destroyed) stream.write(`${text}\n`);
    };
  };
  return { out: line(process.stdout), err: line(process.stderr) };
}
