import { Logger } from '@nestjs/common';

/** Time allowed after the shared deadline for closing database pools and flushing logs. */
const CLOSE_MARGIN_MS = 2000;

/**
 * Last resort for a shutdown that hangs (a handler ignoring its timeout, a pool that will not
 * close): exit on our own before the kubelet's SIGKILL, with a log line saying why. Work not
 * finished by then is still in the inbox and resumes on the next start.
 */
export function armShutdownWatchdog(drainDelayMs: number, shutdownTimeoutMs: number): void {
  const limitMs = drainDelayMs + shutdownTimeoutMs + CLOSE_MARGIN_MS;
  const arm = () => {
    setTimeout(() => {
      new Logger('Shutdown').error(`Shutdown did not finish within ${limitMs} ms; exiting`);
      process.exit(1);
    }, limitMs).unref();
  };
  process.once('SIGTERM', arm);
  process.once('SIGINT', arm);
}
