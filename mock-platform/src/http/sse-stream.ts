import type { SSEMessage, SSEStreamingApi } from 'hono/streaming';

/** Sent as an SSE comment so proxies and browsers keep an idle stream open. */
export const KEEP_ALIVE_MS = 15_000;

/** Starts a repeating timer and answers how to stop it (injected so tests need no real time). */
export type Every = (run: () => void, ms: number) => () => void;

const realEvery: Every = (run, ms) => {
  const timer = setInterval(run, ms);
  return () => clearInterval(timer);
};

/** What a route's event source answers: a message to write, nothing for now (wait), or `'end'`. */
export type NextMessage = SSEMessage | undefined | 'end';

export interface SseLoop {
  /** Aborted once the stream is over: the client went away, `close()` was called, or `run` ended. */
  readonly signal: AbortSignal;
  /** Something new may be ready: ask `next` again. */
  wake(): void;
  /** Ends the loop (the route's own reasons: revoked access, a client that stopped reading). */
  close(): void;
  /**
   * Writes what `next` gives, in order, one at a time, waiting for `wake()` when it has nothing,
   * until the stream closes or `next` answers `'end'`. A keep-alive comment goes out every
   * `keepAliveMs` meanwhile.
   */
  run(next: () => NextMessage): Promise<void>;
}

/**
 * The write loop shared by the server's event streams (agent and supervisor): one writer, so a
 * slow socket never interleaves frames, and a single place where keep-alives and closing live.
 */
export function sseLoop(
  stream: SSEStreamingApi,
  { keepAliveMs = KEEP_ALIVE_MS, every = realEvery }: { keepAliveMs?: number; every?: Every } = {},
): SseLoop {
  const closed = new AbortController();
  let wake: (() => void) | undefined;
  const close = () => {
    closed.abort();
    wake?.();
  };
  stream.onAbort(close);
  return {
    signal: closed.signal,
    wake: () => wake?.(),
    close,
    async run(next) {
      const stopKeepAlive = every(() => void stream.write(': keep-alive\n\n'), keepAliveMs);
      try {
        while (!closed.signal.aborted) {
          const message = next();
          if (message === 'end') break;
          if (message) {
            await stream.writeSSE(message);
            continue;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
        }
      } finally {
        stopKeepAlive();
        closed.abort();
      }
    },
  };
}
