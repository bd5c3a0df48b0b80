import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../shared/clock.ts';
import { PASSWORD_COST, TEST_PASSWORD_COST } from '../auth/passwords.ts';
import { loadConfig } from '../config.ts';
import { startServer } from '../server.ts';
import { DEMO } from './demo-tenant.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function post(url: string, body: unknown, token?: string, method = 'POST') {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const login = async (url: string, username: string, password: string) =>
  post(`${url}/api/auth/login`, { username, password });

describe('the demo tenant is seeded once per data directory', () => {
  it('a deleted demo administrator stays deleted across a restart, and a fresh directory has the demo', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'loro-seed-'));
    dirs.push(dataDir);
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0' });

    const first = await startServer(config, systemClock, { passwordCost: TEST_PASSWORD_COST });
    try {
      const admin = await login(first.url, 'admin', 'loro-admin');
      expect(admin.status).toBe(200);
      const token = String(admin.body.token);
      const created = await post(
        `${first.url}/api/admin/users`,
        { username: 'olga', displayName: 'Olga Operator', role: 'admin', password: 'olga-own-password', skills: [] },
        token,
      );
      expect(created.status).toBe(201);
      const olga = String((await login(first.url, 'olga', 'olga-own-password')).body.token);
      const deleted = await fetch(`${first.url}/api/admin/users/${DEMO.users.admin.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${olga}` },
      });
      expect(deleted.status).toBe(200);
      // A demo skill removed too: nothing of the demo is put back.
      const skill = await fetch(`${first.url}/api/admin/skills/${DEMO.billingSkillId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${olga}` },
      });
      expect([200, 409]).toContain(skill.status);
      const skillGone = skill.status === 200;
      await first.close();

      const second = await startServer(config, systemClock);
      try {
        expect((await login(second.url, 'admin', 'loro-admin')).status).toBe(401);
        expect(second.platform.ctx.store.get('users', DEMO.users.admin.id)).toBeUndefined();
        if (skillGone) expect(second.platform.ctx.store.get('skills', DEMO.billingSkillId)).toBeUndefined();
        expect((await login(second.url, 'olga', 'olga-own-password')).status).toBe(200);
        // The rest of the demo is still there.
        expect((await login(second.url, 'ana', 'loro-agent')).status).toBe(200);
      } finally {
        await second.close();
      }
    } catch (error) {
      await first.close().catch(() => {});
      throw error;
    }

    const freshDir = await mkdtemp(join(tmpdir(), 'loro-seed-'));
    dirs.push(freshDir);
    const fresh = await startServer(loadConfig({ DATA_DIR: freshDir, PORT: '0' }), systemClock);
    try {
      expect((await login(fresh.url, 'admin', 'loro-admin')).status).toBe(200);
      expect(fresh.platform.ctx.store.get('channels', DEMO.channelId)).toBeDefined();
      // Started as `npm start` does: the demo passwords at the real cost, never the tests' one.
      expect(fresh.platform.ctx.store.get('users', DEMO.users.admin.id)?.passwordHash).toMatch(
        new RegExp(`^scrypt\\$${PASSWORD_COST}\\$`),
      );
      // And a password an administrator sets through the API, too.
      expect(fresh.platform.ctx.passwordCost).toBeUndefined();
      const token = String((await login(fresh.url, 'admin', 'loro-admin')).body.token);
      const created = await post(
        `${fresh.url}/api/admin/users`,
        { username: 'nuria', displayName: 'Nuria', role: 'agent', roleId: DEMO.roleId, password: 'nuria-password-1' },
        token,
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = String(created.body.id);
      expect(fresh.platform.ctx.store.get('users', id)?.passwordHash).toMatch(
        new RegExp(`^scrypt\\$${PASSWORD_COST}\\$`),
      );
    } finally {
      await fresh.close();
    }
  });
});
