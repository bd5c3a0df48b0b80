import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { openApiOperations } from '../testing/openapi-operations.ts';

type Role = 'agent' | 'supervisor' | 'admin';

/** Which signed-in roles each tag of the API refuses with 403, whatever the resource. */
const REFUSED: Record<string, Role[]> = {
  Agent: ['admin', 'supervisor'],
  Administration: ['agent', 'supervisor'],
  Supervision: ['agent'],
};

/**
 * The role columns of the authorisation matrix, derived from `/openapi.json` like the anonymous
 * one (secured-routes.test.ts): every operation of a tag refuses the roles it is not for, so an
 * agent route added tomorrow is refused to administrators without a row in the hand-kept matrix
 * (which keeps the per-conversation columns: channel, Reply, owner).
 */
describe('every operation refuses the roles it is not for', async () => {
  const t = await testPlatform();
  const operations = openApiOperations((await t.call('GET', '/openapi.json')).body);
  const tokens: Record<Role, string> = {
    agent: await t.login(DEMO.users.ana.username, DEMO.users.ana.password),
    supervisor: await t.login(DEMO.users.sofia.username, DEMO.users.sofia.password),
    admin: await t.login(DEMO.users.admin.username, DEMO.users.admin.password),
  };
  const cases = operations.flatMap(({ method, path, url, body, operation }) =>
    (operation.tags ?? []).flatMap((tag) =>
      (REFUSED[tag] ?? []).map((role) => [method, path, role, url, body] as const),
    ),
  );

  it('covers every agent, administration and supervision operation', () => {
    const tagged = (tag: string) => operations.filter(({ operation }) => operation.tags?.includes(tag)).length;
    expect(tagged('Agent')).toBeGreaterThan(30);
    expect(cases).toHaveLength(2 * tagged('Agent') + 2 * tagged('Administration') + tagged('Supervision'));
  });

  it.each(cases)('%s %s answers 403 to a signed-in %s', async (method, _path, role, url, body) => {
    const { status } = await t.call(method, url, { body, token: tokens[role] });
    expect(status).toBe(403);
  });
});
