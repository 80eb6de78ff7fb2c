import type { Server } from 'node:http';

/** Closes a loopback server: its keep-alive connections first, so close() does not wait for clients to hang up. */
export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
