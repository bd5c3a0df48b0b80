import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../../shared/clock.ts';
import { formatRetry } from '../auth/login-limiter.ts';

export interface SignInGateOptions {
  /** Sign-in attempts one address may make in a burst before it is slowed down. */
  burstPerAddress?: number;
  /** Attempts an address regains per second once its burst is spent. */
  perAddressPerSecond?: number;
  /** Sign-ins handled at once, all addresses together (at most what the password pool runs and queues). */
  maxInFlight?: number;
  /** A refused attempt's 429 is sent this long after it arrived, so that a client retrying at once cannot loop. */
  holdMs?: number;
  /** Refusals held at once; beyond that they are answered at once (each held one is an open socket). */
  maxHeld?: number;
  /** Schedules a held answer; tests inject their own to release it when they choose. */
  schedule?: (answer: () => void, ms: number) => void;
}

type Fetch<E> = (request: Request, env: E) => Response | Promise<Response>;

export interface SignInGate {
  /**
   * Called with each request before the app sees it: true when the gate answers it itself (a
   * refusal, sent after the hold), so it must not be handed to the app.
   */
  refused(request: IncomingMessage, response: ServerResponse): boolean;
  /**
   * Wraps the app's fetch: a sign-in the gate let through leaves its place once answered, and the
   * app's own refusals of it (429: this username from this address must wait; the password pool is
   * full) are held like the gate's, so that no refusal comes back at once.
   */
  wrap<E extends { incoming: object }>(fetch: Fetch<E>): (request: Request, env: E) => Promise<Response>;
  /** Sign-ins being handled by the app, and refusals waiting to be sent (tests, benchmark). */
  readonly load: { inFlight: number; held: number };
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Addresses kept before full buckets are swept, so that many addresses cannot grow memory for ever. */
const SWEEP_ABOVE = 10_000;

const LOGIN_PATH = '/api/auth/login';

/** A sign-in with username and password, matched as Hono routes it (percent-escapes decoded). */
function isSignIn(request: IncomingMessage): boolean {
  if (request.method !== 'POST') return false;
  const path = (request.url ?? '').split('?')[0] ?? '';
  if (!path.includes('%')) return path === LOGIN_PATH;
  try {
    return decodeURI(path) === LOGIN_PATH;
  } catch {
    return false;
  }
}

function errorBody(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

const BUSY_BODY = errorBody('sign_in_busy', 'Too many sign-ins are being checked right now: try again in a moment');

/**
 * Refuses sign-in attempts before their body is read: per address (a bucket of attempts that
 * refills) and in total (no more in flight than the password pool takes). What it protects is the
 * event loop that acknowledges webhooks: 400 clients that send their next guess as soon as a 429
 * arrives keep hundreds of requests ahead of every webhook, however cheap each refusal is, so
 * every refusal of a sign-in is held for `holdMs` before it is sent (a slowdown, never a lockout)
 * and the guessers wait instead of looping. Refusals have the platform's one JSON error shape, the
 * sign-in route's codes (`too_many_attempts`, `sign_in_busy`) and `Retry-After`.
 */
export function signInGate(
  clock: Clock,
  {
    burstPerAddress = 10,
    perAddressPerSecond = 1,
    maxInFlight = 18,
    holdMs = 1000,
    maxHeld = 1000,
    schedule = (answer, ms) => setTimeout(answer, ms).unref(),
  }: SignInGateOptions = {},
): SignInGate {
  const buckets = new Map<string, Bucket>();
  // The sign-ins let through, each with what frees its place (once).
  const admitted = new WeakMap<object, () => void>();
  let inFlight = 0;
  let held = 0;

  /** Takes one attempt from the address's bucket: 0 when it had one, else ms until it will. */
  function take(address: string): number {
    const now = clock.now();
    const bucket = buckets.get(address);
    const tokens = bucket
      ? Math.min(burstPerAddress, bucket.tokens + ((now - bucket.at) * perAddressPerSecond) / 1000)
      : burstPerAddress;
    if (tokens < 1) {
      buckets.set(address, { tokens, at: now });
      return Math.ceil(((1 - tokens) * 1000) / perAddressPerSecond);
    }
    buckets.set(address, { tokens: tokens - 1, at: now });
    if (buckets.size > SWEEP_ABOVE) {
      for (const [key, { tokens, at }] of buckets) {
        if (tokens + ((now - at) * perAddressPerSecond) / 1000 >= burstPerAddress) buckets.delete(key);
      }
    }
    return 0;
  }

  /** Calls `answer` after `holdMs`, or at once when too many are held already. */
  function hold(answer: () => void): void {
    if (held >= maxHeld || holdMs <= 0) {
      answer();
      return;
    }
    held += 1;
    schedule(() => {
      held -= 1;
      answer();
    }, holdMs);
  }

  function refuse(response: ServerResponse, body: string, retryAfterSeconds: number): void {
    hold(() => {
      if (response.destroyed || response.headersSent) return;
      // The body is never read: the connection is closed rather than what is left of it parsed.
      response.writeHead(429, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'retry-after': String(retryAfterSeconds),
        connection: 'close',
      });
      response.end(body);
    });
  }

  return {
    refused(request, response) {
      if (!isSignIn(request)) return false;
      const wait = take(request.socket.remoteAddress ?? 'unknown');
      if (wait > 0) {
        const message = `Too many sign-ins from your address: try again in ${formatRetry(wait)}`;
        refuse(response, errorBody('too_many_attempts', message), Math.ceil(wait / 1000));
        return true;
      }
      if (inFlight >= maxInFlight) {
        refuse(response, BUSY_BODY, 1);
        return true;
      }
      inFlight += 1;
      let done = false;
      const release = () => {
        if (done) return;
        done = true;
        inFlight -= 1;
      };
      admitted.set(request, release);
      response.once('close', release);
      return false;
    },
    wrap(fetch) {
      return async (request, env) => {
        const release = admitted.get(env.incoming);
        if (!release) return fetch(request, env);
        let response: Response;
        try {
          response = await fetch(request, env);
        } finally {
          release();
        }
        if (response.status !== 429) return response;
        return new Promise((resolve) => hold(() => resolve(response)));
      };
    },
    get load() {
      return { inFlight, held };
    },
  };
}
