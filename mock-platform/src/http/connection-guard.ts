import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Open connections the server keeps at most; one more is answered 503 and closed. */
  maxConnections: number;
  /** Open connections one address keeps at most (every idle socket costs a file descriptor). */
  maxPerAddress: number;
  /** The whole request line and headers must arrive within this (an idle socket is closed then). */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this (a slow client cannot hold a socket). */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
}

const BUSY_BODY = JSON.stringify({
  error: { code: 'server_busy', message: 'Too many open connections: try again in a moment' },
});
const BUSY_RESPONSE = [
  'HTTP/1.1 503 Service Unavailable',
  'Content-Type: application/json; charset=utf-8',
  `Content-Length: ${Buffer.byteLength(BUSY_BODY)}`,
  'Retry-After: 1',
  'Connection: close',
  '',
  BUSY_BODY,
].join('\r\n');

/**
 * Keeps sockets from exhausting the process's file descriptors (which would stop the store):
 * connections are limited in total and per address, and the ones above a limit are answered 503
 * and closed at once; idle and slow connections are timed out by node's HTTP server.
 */
export function guardConnections(
  server: Server,
  limits: ConnectionLimits,
): { open(): number; refused(socket: Socket): boolean } {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // Long-lived event streams keep sending (a comment every 15 s), so a socket idle this long is dead.
  server.setTimeout(Math.max(limits.requestTimeoutMs, 60_000), (socket: Socket) => socket.destroy());
  let total = 0;
  const byAddress = new Map<string, number>();
  const refused = new WeakSet<Socket>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const fromAddress = byAddress.get(address) ?? 0;
    if (total >= limits.maxConnections || fromAddress >= limits.maxPerAddress) {
      // Answered before the request is read: the client learns why, and the descriptor is freed.
      // A request that still slips in is never handed to the app (see `refused`).
      refused.add(socket);
      socket.on('error', () => {});
      socket.end(BUSY_RESPONSE, () => socket.destroy());
      return;
    }
    total += 1;
    byAddress.set(address, fromAddress + 1);
    socket.once('close', () => {
      total -= 1;
      const left = (byAddress.get(address) ?? 1) - 1;
      if (left > 0) byAddress.set(address, left);
      else byAddress.delete(address);
    });
  });
  return { open: () => total, refused: (socket) => refused.has(socket) };
}
