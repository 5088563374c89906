import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Passes standard input on in pieces that end after each header terminator. vscode-jsonrpc drops a
 * header it cannot read (Content-Length missing or not a number) and stops reading the chunk it came
 * in, so a message in the same chunk would wait for the next one; in pieces of their own, the reader
 * goes on with what follows at once.
 */
export class HeaderBoundaryChunks extends Transform {
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    for (let end = chunk.indexOf(HEADER_END); end >= 0; end = chunk.indexOf(HEADER_END, start)) {
      this.push(chunk.subarray(start, end + HEADER_END.length));
      start = end + HEADER_END.length;
    }
    if (start < chunk.length) this.push(chunk.subarray(start));
    done();
  }
}
