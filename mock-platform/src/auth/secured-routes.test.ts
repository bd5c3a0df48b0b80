import { describe, expect, it } from 'vitest';
import { testPlatform } from '../testing/harness.ts';
import { openApiOperations } from '../testing/openapi-operations.ts';

/** Routes that are public on purpose: signing in (and again, with a refresh credential), and the components' pages (token in the URL). */
const PUBLIC = new Set(['POST /api/auth/login', 'POST /api/auth/resume']);

/**
 * The anonymous column of the authorisation matrix, derived from the API description instead of
 * kept by hand: every operation that declares a security scheme refuses a caller without
 * credentials, or with a made-up token, with 401 — so a route added tomorrow is covered the day
 * it is documented. And every /api operation declares one, unless it is public on purpose.
 */
describe('every secured operation in /openapi.json', async () => {
  const t = await testPlatform();
  const operations = openApiOperations((await t.call('GET', '/openapi.json')).body);

  it('finds the API’s operations', () => {
    expect(operations.length).toBeGreaterThan(60);
  });

  it('documents the supervisor’s operations, each secured', () => {
    const supervision = operations
      .filter(({ path }) => path.startsWith('/api/supervisor/'))
      .map(({ path, method, operation }) => `${method} ${path} ${operation.security?.length ? 'secured' : 'OPEN'}`);
    expect(supervision.sort()).toEqual([
      'GET /api/supervisor/board secured',
      'GET /api/supervisor/conversations/{id} secured',
      'GET /api/supervisor/events secured',
      'POST /api/supervisor/agents/{id}/sign-out secured',
      'POST /api/supervisor/agents/{id}/unavailable secured',
      'POST /api/supervisor/conversations/{id}/close secured',
      'POST /api/supervisor/conversations/{id}/reassign secured',
    ]);
  });

  it('declares a security scheme on every /api operation but the public ones', () => {
    const undeclared = operations
      .filter(({ path, operation }) => path.startsWith('/api/') && !operation.security?.length)
      .map(({ path, method }) => `${method} ${path}`)
      .filter((name) => !PUBLIC.has(name));
    expect(undeclared).toEqual([]);
  });

  it.each(
    operations
      .filter(({ operation }) => operation.security?.length)
      .map(({ method, path, url, body }) => [method, path, url, body] as const),
  )('%s %s answers 401 without credentials and with a made-up token', async (method, _path, url, body) => {
    const anonymous = await t.call(method, url, { body });
    expect(anonymous.status).toBe(401);
    const forged = await t.call(method, url, { body, headers: { authorization: 'Bearer not-a-real-token' } });
    expect(forged.status).toBe(401);
  });
});
