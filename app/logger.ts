import pino from 'pino';

export type Logger = pino.Logger;

/** JSON logs; `destination` 2 sends them to stderr (for CLI commands whose stdout is data). */
export function createLogger(level: string, destination: 1 | 2 = 1): Logger {
  return pino({ level, base: { service: 'logbook-bot' } }, pino.destination({ fd: destination, sync: destination === 2 }));
}
