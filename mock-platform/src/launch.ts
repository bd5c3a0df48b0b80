import { resolve } from 'node:path';
import { systemClock } from '../../shared/clock.ts';
import { ConfigError, loadConfig } from './config.ts';
import { ListenError } from './http/listen-error.ts';
import { DEMO } from './seed/demo-tenant.ts';
import { startServer } from './server.ts';
import { StoreLockedError } from './store/store-errors.ts';

/**
 * `npm start`: reads the configuration, starts the server and prints where everything is; exits
 * with a message on a bad setting, a held data directory or a busy port. `main.ts` runs it; the
 * crash tests' standby server (`testing/standby-server.ts`) loads it ahead and runs it on cue.
 */
export async function launch(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config, systemClock);
  } catch (error) {
    // A data directory held by another process, or a damaged snapshot: say which and stop.
    // A busy port: which port, and the PORT variable to choose another.
    if (
      error instanceof StoreLockedError ||
      error instanceof ListenError ||
      /is damaged/.test((error as Error).message)
    ) {
      console.error(`Loro cannot start: ${(error as Error).message}`);
      process.exit(1);
    }
    throw error;
  }
  const users = Object.values(DEMO.users)
    .map((u) => `    ${u.role.padEnd(6)} ${u.username.padEnd(6)} / ${u.password}`)
    .join('\n');
  const keyed = (path: string) =>
    server.simulatorKey
      ? `${server.url}${path}?key=${encodeURIComponent(server.simulatorKey)}`
      : `${server.url}${path}`;
  const simulatorLines =
    config.SIMULATOR === 'on'
      ? `  Customer sim     ${keyed('/simulator')}
  WhatsApp signup  ${keyed('/simulator/signup')}
  WhatsApp Manager ${keyed('/simulator/business')}
`
      : '';
  const keyLine = server.simulatorKey
    ? `  Simulator key    ${server.simulatorKey}${config.SIMULATOR_KEY ? '' : ' (made for this run: set SIMULATOR_KEY to keep one)'}\n`
    : '';
  console.log(`
Loro platform is running on ${server.url}
  Health           ${server.url}/healthz
  API description  ${server.url}/openapi.json
  Admin UI         ${server.url}/admin
${simulatorLines}${keyLine}  Demo console     ${server.url}/demo/console
  Graph API        ${config.GRAPH_BASE_URL ?? `${server.url}/graph`}${config.SIMULATOR === 'off' ? ' (simulator off)' : ''}
  Data             ${resolve(config.DATA_DIR)}

Demo logins (platform URL ${server.url}):
${users}

Extension: open chrome://extensions, turn on Developer mode, "Load unpacked" and pick
  ${resolve('.output/chrome-mv3')}
then click the Loro toolbar button, sign in as ana / loro-agent, and go Available.
`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
