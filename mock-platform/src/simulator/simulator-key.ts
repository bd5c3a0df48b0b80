import { createHmac } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { sameSecret } from '../http/same-secret.ts';

export const SIMULATOR_KEY_HEADER = 'x-simulator-key';
const COOKIE = 'loro_simulator';
const COOKIE_PATH = '/simulator';

/** What the browser keeps once the key was given: derived from the key, so the cookie never holds it. */
function cookieValue(key: string): string {
  return createHmac('sha256', key).update('loro simulator browser session').digest('base64url');
}

/** Only a path of the simulator itself may be the target after the key page (no open redirect). */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/simulator(?:[/?#]|$)/.test(next) && !next.startsWith('//')
    ? next
    : '/simulator';
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The page a browser gets without the key: a form for it, in English and Spanish. */
function keyPage(next: string, wrong: boolean): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Simulator key · Clave del simulador</title>
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2937}
label{display:block;margin:1rem 0 .25rem}input{font:inherit;width:100%;padding:.5rem;box-sizing:border-box}
button{font:inherit;margin-top:1rem;padding:.5rem 1rem}.error{color:#b91c1c}p[lang=es]{color:#4b5563}</style>
</head>
<body>
<h1>WhatsApp simulator</h1>
<p>This simulator plays customers and Meta for the platform. Enter the simulator key printed when the platform started (or its <code>SIMULATOR_KEY</code>).</p>
<p lang="es">Este simulador hace de clientes y de Meta para la plataforma. Escribe la clave del simulador que se mostró al arrancar la plataforma (o su <code>SIMULATOR_KEY</code>).</p>
${wrong ? '<p class="error" role="alert" data-testid="simulator-key-wrong">That key is not right. · La clave no es correcta.</p>' : ''}
<form method="post" action="/simulator/key">
<input type="hidden" name="next" value="${escapeHtml(next)}">
<label for="key">Simulator key · Clave del simulador</label>
<input id="key" name="key" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Continue · Continuar</button>
</form>
</body>
</html>`;
}

/**
 * The simulator's own API and pages (everything under `/simulator`: the customers' phones, the
 * signup, WhatsApp Manager, their test hooks) behind a key, when one is set. The Graph API is not
 * affected: it takes the Cloud API token, like Meta's.
 *
 * A program sends the key in `X-Simulator-Key`. A browser gives it once, in the key page's form
 * (or as `?key=` in the URL printed at start-up, removed by a redirect at once), and then carries
 * a cookie derived from it (HttpOnly, SameSite=Strict, path /simulator).
 */
export function simulatorKeyGuard(key: string): MiddlewareHandler {
  const expectedCookie = cookieValue(key);
  const remember = (c: Context) =>
    setCookie(c, COOKIE, expectedCookie, { path: COOKIE_PATH, httpOnly: true, sameSite: 'Strict' });

  return async (c, next) => {
    const url = new URL(c.req.url);
    if (c.req.method === 'POST' && url.pathname === '/simulator/key') {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const given = typeof form.key === 'string' ? form.key : '';
      const target = safeNext(form.next);
      if (!sameSecret(given, key)) return c.html(keyPage(target, true), 401);
      remember(c);
      return c.redirect(target, 303);
    }
    const header = c.req.header(SIMULATOR_KEY_HEADER);
    if (header !== undefined) {
      if (sameSecret(header, key)) return next();
      return refuse(c, url, 'The X-Simulator-Key header is not the simulator key');
    }
    const cookie = getCookie(c, COOKIE);
    if (cookie !== undefined && sameSecret(cookie, expectedCookie)) return next();
    const query = url.searchParams.get('key');
    if (c.req.method === 'GET' && query !== null && sameSecret(query, key)) {
      // Out of the address bar (and any Referer) at once.
      url.searchParams.delete('key');
      remember(c);
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    return refuse(c, url, 'The simulator requires its key: send it in the X-Simulator-Key header');
  };
}

function refuse(c: Context, url: URL, message: string) {
  const isApi = url.pathname.startsWith('/simulator/api/') || c.req.method !== 'GET';
  if (isApi) return c.json({ error: { code: 'simulator_key_required', message } }, 401);
  url.searchParams.delete('key');
  return c.html(keyPage(`${url.pathname}${url.search}`, false), 401);
}
