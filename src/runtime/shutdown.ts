/**
 * Graceful shutdown on SIGTERM and SIGINT: the first signal stops the runtime (no new HTTP
 * requests or jobs, active jobs finish within SHUTDOWN_TIMEOUT_SECONDS, connections close) and the
 * process exits 0; a second signal exits at once with 1.
 */
import type { Logger } from '../ports/logger.js';

export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface ShutdownOptions {
  logger: Logger;
  signals?: readonly NodeJS.Signals[];
  /** Where the signals come from; the process by default. */
  source?: SignalSource;
  /** Called on a second signal; process.exit by default. */
  forceExit?: (code: number) => void;
}

/**
 * Waits for the first signal, runs `stop`, and resolves with the exit code (0, or 1 when `stop`
 * threw). Signal listeners are removed once done.
 */
export function runUntilSignal(stop: () => Promise<unknown>, options: ShutdownOptions): Promise<number> {
  const source = options.source ?? process;
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const forceExit = options.forceExit ?? ((code: number) => process.exit(code));
  return new Promise<number>((resolve) => {
    let received: NodeJS.Signals | null = null;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received !== null) {
        options.logger.warn({ signal, first: received }, 'second signal: exiting now');
        forceExit(1);
        return;
      }
      received = signal;
      options.logger.info({ signal }, 'signal received: shutting down gracefully (send it again to force)');
      stop().then(
        () => done(0),
        (error: unknown) => {
          options.logger.error(
            { err: error instanceof Error ? error.message : String(error) },
            'shutdown failed',
          );
          done(1);
        },
      );
    };
    const done = (code: number) => {
      // Keep listening while exiting, so that a late second signal still forces instead of killing
      // the process with the default handler; removed only after resolving.
      resolve(code);
      setImmediate(() => {
        for (const signal of signals) source.off(signal, onSignal);
      });
    };
    for (const signal of signals) source.on(signal, onSignal);
  });
}
