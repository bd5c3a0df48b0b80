import { z } from 'zod';

/**
 * The platform's configuration: the only module that reads environment variables. Every value
 * has a documented default (README's configuration table), so `npm start` needs none of them.
 */

const secret = (name: string, fallback: string) =>
  z.string().min(8, `${name} must be at least 8 characters`).default(fallback);

const httpUrl = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL')
  .transform((value) => value.replace(/\/+$/, ''));

const wholeNumber = (min: number, max: number) => {
  const rule = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: rule }).int(rule).min(min, rule).max(max, rule);
};

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a whole number from 0 to 65535' })
    .int('must be a whole number from 0 to 65535')
    .min(0, 'must be a whole number from 0 to 65535')
    .max(65535, 'must be a whole number from 0 to 65535')
    .default(8787),
  HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or an IP address')
    .default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  WHATSAPP_APP_SECRET: secret('WHATSAPP_APP_SECRET', 'loro-demo-app-secret'),
  WHATSAPP_VERIFY_TOKEN: secret('WHATSAPP_VERIFY_TOKEN', 'loro-demo-verify-token'),
  WHATSAPP_TOKEN: secret('WHATSAPP_TOKEN', 'loro-demo-access-token'),
  /** Where the platform sends Cloud API requests; empty means the built-in simulator at /graph. */
  GRAPH_BASE_URL: httpUrl.optional(),
  GRAPH_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'must look like v23.0')
    .default('v23.0'),
  /**
   * Whether the embedded WhatsApp simulator (`/graph`, `/simulator/*`, the signup) runs: `on` by
   * default only while GRAPH_BASE_URL is the embedded one. Off, nothing in the platform signs
   * webhooks with the app secret.
   */
  SIMULATOR: z.enum(['on', 'off'], { error: 'must be on or off' }).optional(),
  /**
   * The key the simulator's own API and pages require (not the Graph API, which takes the token).
   * Unset: open on a loopback HOST; on any other HOST a random key is made and printed at start-up.
   */
  SIMULATOR_KEY: z
    .string()
    .min(16, 'must be at least 16 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .optional(),
  /** Where the built-in simulator posts webhooks; empty means this server's /webhooks/whatsapp. */
  SIMULATOR_WEBHOOK_URL: httpUrl.optional(),
  /** How long the simulator retries a webhook the receiver does not take (Meta: 7 days). */
  SIMULATOR_WEBHOOK_RETRY_HOURS: z.coerce
    .number({ error: 'must be a whole number of hours from 1 to 720' })
    .int('must be a whole number of hours from 1 to 720')
    .min(1, 'must be a whole number of hours from 1 to 720')
    .max(720, 'must be a whole number of hours from 1 to 720')
    .default(168),
  /** How long WhatsApp's approval of a newly registered number takes in the simulator (seconds). */
  SIMULATOR_APPROVAL_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds from 0 to 86400' })
    .int('must be a whole number of seconds from 0 to 86400')
    .min(0, 'must be a whole number of seconds from 0 to 86400')
    .max(86_400, 'must be a whole number of seconds from 0 to 86400')
    .default(60),
  /**
   * After how many seconds "WhatsApp" approves a pending template on its own (the sweep); 0 (the
   * default): only the reviewer in the simulator's WhatsApp Manager decides.
   */
  SIMULATOR_TEMPLATE_REVIEW_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds from 0 to 86400' })
    .int('must be a whole number of seconds from 0 to 86400')
    .min(0, 'must be a whole number of seconds from 0 to 86400')
    .max(86_400, 'must be a whole number of seconds from 0 to 86400')
    .default(0),
  /** Conversations ended more than this many days ago have their messages moved to month files. */
  ARCHIVE_AFTER_DAYS: z.coerce
    .number({ error: 'must be a whole number of days from 1 to 3650' })
    .int('must be a whole number of days from 1 to 3650')
    .min(1, 'must be a whole number of days from 1 to 3650')
    .max(3650, 'must be a whole number of days from 1 to 3650')
    .default(7),
  /** Messages per second per business number the simulator allows (Meta: 80 by default, up to 1,000). */
  SIMULATOR_THROUGHPUT: z.coerce
    .number({ error: 'must be a whole number from 1 to 1000' })
    .int('must be a whole number from 1 to 1000')
    .min(1, 'must be a whole number from 1 to 1000')
    .max(1000, 'must be a whole number from 1 to 1000')
    .default(80),
  /** How long a Cloud API call may take before the platform gives up on it (milliseconds). */
  GRAPH_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds from 100 to 300000' })
    .int('must be a whole number of milliseconds from 100 to 300000')
    .min(100, 'must be a whole number of milliseconds from 100 to 300000')
    .max(300_000, 'must be a whole number of milliseconds from 100 to 300000')
    .default(15_000),
  /** Open connections the server keeps at most; above it a new one is answered 503 and closed. */
  MAX_CONNECTIONS: wholeNumber(1, 100_000).default(2000),
  /** Open connections one client address keeps at most (503 above it). */
  MAX_CONNECTIONS_PER_ADDRESS: wholeNumber(1, 100_000).default(200),
  /** Sign-ins one client address may start in a burst before the rate below applies (429, held 1 s). */
  SIGN_IN_BURST_PER_ADDRESS: wholeNumber(1, 100_000).default(10),
  /** Sign-ins per second one client address regains once its burst is spent (raise it behind a shared proxy). */
  SIGN_INS_PER_SECOND_PER_ADDRESS: wholeNumber(1, 10_000).default(1),
  /** Seconds a client has to send a request's headers (an idle new socket is closed after it). */
  HEADERS_TIMEOUT_SECONDS: wholeNumber(1, 600).default(10),
  /** Seconds a client has to send a whole request, body included. */
  REQUEST_TIMEOUT_SECONDS: wholeNumber(1, 3600).default(30),
});

export type Config = Omit<z.infer<typeof envSchema>, 'SIMULATOR'> & { SIMULATOR: 'on' | 'off' };

/** Names of the variables this module reads, in the README's order. */
export const configVariables = Object.keys(envSchema.shape) as (keyof Config)[];

/** Raised when the environment holds an invalid value; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration from `env` (by default the process environment). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(
    configVariables.flatMap((name) => {
      const value = env[name]?.trim();
      return value ? [[name, value]] : [];
    }),
  );
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const variable = String(issue.path[0]);
        return { variable, message: `${issue.message} (got ${JSON.stringify(present[variable])})` };
      }),
    );
  }
  if (result.data.HEADERS_TIMEOUT_SECONDS > result.data.REQUEST_TIMEOUT_SECONDS) {
    throw new ConfigError([
      {
        variable: 'HEADERS_TIMEOUT_SECONDS',
        message: `must not be more than REQUEST_TIMEOUT_SECONDS (${result.data.REQUEST_TIMEOUT_SECONDS}) (got ${result.data.HEADERS_TIMEOUT_SECONDS})`,
      },
    ]);
  }
  const SIMULATOR = result.data.SIMULATOR ?? (result.data.GRAPH_BASE_URL ? 'off' : 'on');
  if (SIMULATOR === 'off' && !result.data.GRAPH_BASE_URL) {
    throw new ConfigError([
      {
        variable: 'SIMULATOR',
        message: 'off needs GRAPH_BASE_URL (the Cloud API the platform talks to instead of the simulator)',
      },
    ]);
  }
  return { ...result.data, SIMULATOR };
}

/** Whether HOST only listens on this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}
