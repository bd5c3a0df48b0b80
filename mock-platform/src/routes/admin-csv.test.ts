import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/csv/csv.ts';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

const { ana, bruno, sofia } = DEMO.users;

async function setUp() {
  const t = await testPlatform();
  const admin = await t.login('admin', 'loro-admin');
  const call = (method: string, path: string, body?: unknown) =>
    t.call(method, `/api/admin/${path}`, { token: admin, ...(body !== undefined ? { body } : {}) });
  const audit = async () => (await call('GET', 'audit?limit=1000')).body.length as number;
  return { t, admin, call, audit };
}

/** The export as rows of cells, by header. */
function table(csv: string) {
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error(parsed.message);
  const [header = [], ...rows] = parsed.records;
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
}

const USERS = [
  'username,displayName,role,roleId,skills,capacity,password',
  `carla,Carla Díaz,agent,${DEMO.roleId},${DEMO.skillId}:7,4,a-long-password`,
  `ana,Ana María Agent,agent,${DEMO.roleId},${DEMO.skillId}:8,3,`,
  `bruno,${bruno.displayName},agent,${DEMO.roleId},${DEMO.skillId}:6; ${DEMO.billingSkillId}:7,3,`,
  'dani,Dani,agent,role_nope,skill_nope:5,many,',
  'eva,Eva,agent,,,2,a-long-password',
].join('\r\n');

describe('users and skills as CSV', () => {
  it('exports users without passwords, each with its version; only administrators may', async () => {
    const { t, call } = await setUp();
    const response = await call('GET', 'csv/users');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="users.csv"');
    const text = response.body as string;
    expect(text.split('\r\n')[0]).toBe('id,username,displayName,role,roleId,skills,capacity,version');
    expect(text).not.toMatch(/password|scrypt|loro-agent/i);
    const rows = table(text);
    expect(rows.find((row) => row.username === 'bruno')).toEqual({
      id: bruno.id,
      username: 'bruno',
      displayName: bruno.displayName,
      role: 'agent',
      roleId: DEMO.roleId,
      skills: `${DEMO.skillId}:6; ${DEMO.billingSkillId}:7`,
      capacity: '3',
      version: '0',
    });
    const agent = await t.login('ana', ana.password);
    const supervisor = await t.login('sofia', sofia.password);
    for (const token of [agent, supervisor]) {
      expect((await t.call('GET', '/api/admin/csv/users', { token })).status).toBe(403);
      expect((await t.call('POST', '/api/admin/csv/users', { token, body: { csv: USERS } })).status).toBe(403);
    }
  });

  it('dry-runs an import: what would be created, changed, left and refused (row, field, rule), writing nothing', async () => {
    const { call, audit } = await setUp();
    const before = await audit();
    const dry = await call('POST', 'csv/users', { csv: USERS });
    expect(dry.status).toBe(200);
    expect(dry.body.dryRun).toBe(true);
    expect(dry.body.applied).toBe(false);
    expect(dry.body.counts).toEqual({ create: 1, update: 1, unchanged: 1, refused: 2 });
    const byRef = Object.fromEntries(dry.body.items.map((item: { ref: string }) => [item.ref, item]));
    expect(byRef['row 2']).toMatchObject({ action: 'create', resource: 'users', name: 'agent carla (Carla Díaz)' });
    expect(byRef['row 3']).toMatchObject({
      action: 'update',
      id: ana.id,
      changes: [{ field: 'displayName', before: ana.displayName, after: 'Ana María Agent' }],
    });
    expect(byRef['row 4']).toMatchObject({ action: 'unchanged', id: bruno.id });
    expect(byRef['row 5'].issues).toEqual([{ path: 'capacity', message: 'must be a whole number, not many' }]);
    expect(byRef['row 6']).toMatchObject({
      action: 'refused',
      issues: [{ path: 'roleId', message: 'an agent needs exactly one role' }],
    });
    expect(await audit()).toBe(before);
    expect((await call('GET', 'users?q=carla')).body).toEqual([]);
  });

  it('refuses to apply a file with refused rows, naming row and field, and writes nothing', async () => {
    const { call, audit } = await setUp();
    const before = await audit();
    const applied = await call('POST', 'csv/users', { csv: USERS, dryRun: false });
    expect(applied.status).toBe(400);
    expect(applied.body.error.code).toBe('validation_failed');
    expect(applied.body.error.issues).toEqual([
      { path: 'row 5.capacity', message: 'must be a whole number, not many' },
      { path: 'row 6.roleId', message: 'an agent needs exactly one role' },
    ]);
    expect(await audit()).toBe(before);
    expect((await call('GET', `users/${ana.id}`)).body.displayName).toBe(ana.displayName);
  });

  it('applies the rows that pass in one audited commit when asked to skip the refused ones', async () => {
    const { t, call, audit } = await setUp();
    const before = await audit();
    const applied = await call('POST', 'csv/users', { csv: USERS, dryRun: false, skipRefused: true });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.applied).toBe(true);
    expect(applied.body.counts).toEqual({ create: 1, update: 1, unchanged: 1, refused: 2 });
    // One entry per written row (each row's version goes up by one) and one for the import.
    const entries = (await call('GET', 'audit?limit=1000')).body.slice(0, (await audit()) - before);
    expect(
      entries.map((entry: { resource: string; summary: string }) => `${entry.resource}: ${entry.summary}`).sort(),
    ).toEqual([
      'imports: Imported users from CSV: 1 created, 1 changed, 1 unchanged, 2 refused (skipped)',
      'users: Changed agent ana (Ana María Agent) (import)',
      'users: Created agent carla (Carla Díaz) (import)',
    ]);
    expect((await call('GET', `users/${ana.id}`)).body).toMatchObject({ displayName: 'Ana María Agent', version: 1 });
    expect(await t.login('carla', 'a-long-password')).toBeTruthy();
    expect((await call('GET', 'users?q=carla')).body[0]).toMatchObject({ capacity: 4, version: 1 });
    expect((await call('GET', 'csv/users')).body).not.toContain('a-long-password');
  });

  it('refuses a stale file (409), naming who changed which row since the export', async () => {
    const { call, audit } = await setUp();
    const exported = (await call('GET', 'csv/users')).body as string;
    const renamed = await call('PUT', `users/${ana.id}`, {
      username: 'ana',
      displayName: 'Ana (renamed meanwhile)',
      role: 'agent',
      roleId: DEMO.roleId,
      skills: [{ skillId: DEMO.skillId, proficiency: 8 }],
    });
    expect(renamed.status).toBe(200);
    const before = await audit();
    const edited = exported.replace('Bruno Agent', 'Bruno B. Agent');
    const stale = await call('POST', 'csv/users', { csv: edited, dryRun: false });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.message).toContain('Alex Admin');
    expect(stale.body.error.issues).toEqual([
      {
        path: expect.stringMatching(/^row \d\.version$/),
        message: expect.stringMatching(/^Alex Admin at .*: Changed agent ana \(Ana \(renamed meanwhile\)\)$/),
      },
    ]);
    expect(await audit()).toBe(before);
    expect((await call('GET', `users/${bruno.id}`)).body.displayName).toBe(bruno.displayName);
  });

  it('round-trips skills: a new skill and the one overflowing to it in any order; formulas neutralised', async () => {
    const { call } = await setUp();
    const csv = [
      'id,name,acceptReject,secondarySkillId,queueTimeoutSeconds,serviceLevel',
      'skill_vip,VIP,yes,skill_vip_overflow,60,"{""targetPercent"":80,""thresholdSeconds"":20}"',
      "skill_vip_overflow,'=VIP overflow,no,,,",
    ].join('\n');
    const applied = await call('POST', 'csv/skills', { csv, dryRun: false });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.counts).toMatchObject({ create: 2, refused: 0 });
    expect((await call('GET', 'skills/skill_vip')).body).toMatchObject({
      secondarySkillId: 'skill_vip_overflow',
      serviceLevel: { targetPercent: 80, thresholdSeconds: 20 },
    });
    expect((await call('GET', 'skills/skill_vip_overflow')).body.name).toBe('=VIP overflow');
    const exported = (await call('GET', 'csv/skills')).body as string;
    expect(exported).toContain(`skill_vip_overflow,'=VIP overflow,,,false,`);
    const again = await call('POST', 'csv/skills', { csv: exported });
    expect(again.body.counts).toMatchObject({ create: 0, update: 0, refused: 0 });
  });

  it('refuses a file it cannot read: the line, an unknown column, a missing required one', async () => {
    const { call } = await setUp();
    const broken = await call('POST', 'csv/users', { csv: 'username,displayName\nana,"Ana\n' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.issues).toEqual([{ path: 'csv', message: 'line 2: a quote is never closed' }]);
    const unknown = await call('POST', 'csv/skills', { csv: 'name,colour\nRed,red\n' });
    expect(unknown.body.error.issues).toEqual([
      { path: 'header.2', message: expect.stringMatching(/^colour is not a column: use id, name, /) },
    ]);
    const missing = await call('POST', 'csv/users', { csv: 'displayName\nAna\n' });
    expect(missing.body.error.issues).toEqual([{ path: 'header', message: 'the username column is required' }]);
    expect((await call('POST', 'csv/users', { csv: 'username\nana', extra: true })).status).toBe(400);
  });
});
