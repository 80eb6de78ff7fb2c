/**
 * restify loads spdy, whose http-deceiver touches process.binding('http_parser') (DEP0111) on
 * require. It is harmless and not ours to fix, so that one warning is dropped; all others print.
 */
const IGNORED = new Set(['DEP0111']);

const defaultListeners = process.listeners('warning');
process.removeAllListeners('warning');
process.on('warning', (warning: Error & { code?: string }) => {
  if (warning.code && IGNORED.has(warning.code)) return;
  for (const listener of defaultListeners) listener(warning);
});
