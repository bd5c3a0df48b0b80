/**
 * The platform URL the extension is built against (the sign-in form's default): `LORO_PLATFORM_URL`,
 * else the address `npm start` serves on from the same `HOST` and `PORT` variables. A server on
 * every interface (0.0.0.0, ::) is reached on the loopback address. Runs at build time (wxt.config.ts).
 */
export function buildPlatformUrl(env: Record<string, string | undefined>): string {
  if (env.LORO_PLATFORM_URL) return env.LORO_PLATFORM_URL.replace(/\/+$/, '');
  const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
  const port = env.PORT && env.PORT !== '0' ? env.PORT : '8787';
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}
