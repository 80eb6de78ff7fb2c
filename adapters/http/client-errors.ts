import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** How long a connection answered for a malformed request may go on sending before it is cut. */
const DRAIN_MS = 5_000;

const STATUS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
};

/**
 * Answers a request Node's HTTP parser refused (headers over the limit, a malformed request line) and closes
 * the connection gracefully. Node's own answer destroys the socket at once; with request bytes still
 * unread the kernel then resets the connection, and the client may lose the answer: the fuzz's 64 KB header
 * got a reset in place of its 431 about every other time. Here the rest is read and dropped until the client
 * closes, or for DRAIN_MS.
 */
export function answerClientErrorsGracefully(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten > 0) {
      socket.destroy();
      return;
    }
    const status = STATUS[error.code ?? ''] ?? '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.setTimeout(DRAIN_MS, () => socket.destroy());
    socket.on('data', () => undefined);
    socket.resume();
  });
}
