import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { jpegOfSize, pngOfSize } from '../testing/images.ts';

type Harness = Awaited<ReturnType<typeof testPlatform>>;
const signup = (t: Harness, step: string, body: unknown) => t.call('POST', `/simulator/api/signup/${step}`, { body });
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('WhatsApp signup, simulated (CH-1 … CH-5)', () => {
  it('validates business details, the profile and the number, each naming its field', async () => {
    const t = await testPlatform();
    const business = {
      businessManagerId: '123456789012345',
      name: 'Loro Sales',
      timeZone: 'Europe/Madrid',
      email: 'ventas@loro.example',
      website: 'https://loro.example',
      country: 'ES',
    };
    const bad = await signup(t, 'business', {
      ...business,
      businessManagerId: 'fb-loro',
      timeZone: 'Madrid',
      email: 'ventas',
      website: 'loro',
    });
    expect(bad.body.error.issues.map((i: { path: string; message: string }) => [i.path, i.message])).toEqual(
      expect.arrayContaining([
        ['businessManagerId', 'the Facebook Business Manager ID is 5 to 20 digits (Business settings → Business info)'],
        ['timeZone', 'the time zone of the main office must be an IANA name such as Europe/Madrid'],
        ['email', 'the contact e-mail must be an address such as ventas@example.com'],
        ['website', 'website must be an http(s) URL (a website or profile page)'],
      ]),
    );
    const account = await signup(t, 'business', business);
    expect(t.simulatorStore.get('wabas', account.body.wabaId)).toMatchObject({
      businessManagerId: '123456789012345',
      timeZone: 'Europe/Madrid',
      email: 'ventas@loro.example',
    });
    expect(account.body).toEqual({ wabaId: expect.stringMatching(/^\d+$/), name: 'Loro Sales' });

    await t.customerSays('hola', '+34 612 345 678');
    const number = (phoneNumber: string, extra: Record<string, unknown> = {}) =>
      signup(t, 'number', {
        wabaId: account.body.wabaId,
        phoneNumber,
        displayName: 'Loro Sales',
        category: 'RETAIL',
        method: 'SMS',
        ...extra,
      });
    const refusals: [string, Record<string, unknown>, string, string][] = [
      ['+1 555', {}, 'phoneNumber', 'enter it in international format, e.g. +1 614 555 1234'],
      ['+1 555 078 3881', {}, 'phoneNumber', '+1 555 numbers are Meta’s test numbers: they cannot receive a code'],
      [DEMO.phoneNumber, {}, 'phoneNumber', 'this number is already used with the WhatsApp Business API'],
      [
        '+34 612 345 678',
        {},
        'phoneNumber',
        'this number is still registered to a personal WhatsApp account: delete that account first',
      ],
      [
        '+34 910 123 456',
        { logo: { data: base64(jpegOfSize(800, 600)), mimeType: 'image/jpeg' } },
        'logo',
        'The profile picture must be square (it is 800×600)',
      ],
      [
        '+34 910 123 456',
        { logo: { data: base64(pngOfSize(64, 64)), mimeType: 'image/gif' } },
        'logo',
        'Media upload error: type image/gif is not supported',
      ],
      ['+34 910 123 456', { displayName: 'L' }, 'displayName', 'the display name must be 3 to 512 characters'],
    ];
    for (const [phone, extra, path, message] of refusals) {
      const refused = await number(phone, extra);
      expect(refused.status, `${phone} ${path}`).toBe(400);
      const issue = refused.body.error.issues.find((i: { path: string }) => i.path === path);
      expect(issue?.message, JSON.stringify(refused.body)).toContain(message);
    }
    expect(t.simulatorStore.all('phoneNumbers')).toHaveLength(2);
  });

  it('sends the code, verifies it, waits for WhatsApp’s approval, and the platform makes a channel of it', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const started = await signup(t, 'number', {
      wabaId: DEMO.wabaId,
      phoneNumber: '+34 910 123 456',
      displayName: 'Loro Madrid',
      category: 'RETAIL',
      logo: { data: base64(pngOfSize(640, 640)), mimeType: 'image/png' },
      method: 'VOICE',
    });
    expect(started.body).toEqual({ phoneNumberId: expect.any(String), phoneNumber: '+34910123456' });
    const id = started.body.phoneNumberId;
    const [sent] = (await t.call('GET', `/simulator/api/outbox?phoneNumberId=${id}`)).body;
    expect(sent.method).toBe('VOICE');
    const code = /(\d{3})-(\d{3})/.exec(sent.text)?.slice(1).join('') ?? '';

    const wrong = await signup(t, 'verify', { phoneNumberId: id, code: code === '999999' ? '111111' : '999999' });
    expect(wrong.body.error.issues).toEqual([
      { path: 'code', message: 'Verification code error: the code is wrong (4 attempts left)' },
    ]);
    const verified = await signup(t, 'verify', { phoneNumberId: id, code });
    expect(verified.body).toEqual({ status: 'PENDING', approvesAt: t.clock.now() + 60_000 });

    const numbers = async () => (await t.call('GET', '/api/admin/whatsapp-numbers', { token: admin })).body;
    expect((await numbers()).find((n: { phoneNumberId: string }) => n.phoneNumberId === id)).toMatchObject({
      status: 'PENDING',
      verifiedName: 'Loro Madrid',
    });
    const channel = await t.call('POST', '/api/admin/channels', {
      token: admin,
      body: { phoneNumberId: id, name: 'Madrid', defaultSkillId: DEMO.skillId, defaultScriptId: DEMO.scriptId },
    });
    expect(channel.body.status).toBe('pending');

    t.clock.advance(60_000);
    await t.sweep();
    expect((await numbers()).find((n: { phoneNumberId: string }) => n.phoneNumberId === id)?.status).toBe('CONNECTED');
    const mine = (await t.call('GET', '/api/admin/channels', { token: admin })).body.channels;
    expect(mine.find((c: { name: string }) => c.name === 'Madrid')?.status).toBe('approved');
  });

  it('lets a number whose code expired or that was locked out ask for a new code; the code is taken as the SMS shows it', async () => {
    const t = await testPlatform();
    const start = () =>
      signup(t, 'number', {
        wabaId: DEMO.wabaId,
        phoneNumber: '+34 910 123 456',
        displayName: 'Loro Madrid',
        category: 'RETAIL',
        method: 'SMS',
      });
    const lastCode = async (id: string) => {
      const [sent] = (await t.call('GET', `/simulator/api/outbox?phoneNumberId=${id}`)).body;
      return /(\d{3}-\d{3})/.exec(sent.text)?.[1] ?? '';
    };
    const first = await start();
    const id = first.body.phoneNumberId;
    t.clock.advance(11 * 60_000);
    const expired = await signup(t, 'verify', { phoneNumberId: id, code: (await lastCode(id)).replace('-', '') });
    expect(expired.body.error.issues).toEqual([
      { path: 'code', message: 'Verification code expired: request a new code' },
    ]);

    // Not "already used": the same number asks again and keeps its id.
    const again = await start();
    expect(again.status).toBe(200);
    expect(again.body.phoneNumberId).toBe(id);
    for (let i = 0; i < 5; i++)
      await signup(t, 'verify', {
        phoneNumberId: id,
        code: '000000' === (await lastCode(id)).replace('-', '') ? '111111' : '000000',
      });
    const locked = await start();
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toContain('try again in 60 min');

    t.clock.advance(60 * 60_000);
    expect((await start()).status).toBe(200);
    const code = await lastCode(id);
    expect(code).toMatch(/^\d{3}-\d{3}$/);
    expect((await signup(t, 'verify', { phoneNumberId: id, code })).body).toMatchObject({ status: 'PENDING' });
    // Registered now: it is used with the API, and asking again is refused.
    const used = await start();
    expect(used.body.error.issues[0].message).toBe('this number is already used with the WhatsApp Business API');
  });

  it('takes a logo of exactly 5 MB (Meta’s limit) and refuses a larger one on the logo field', async () => {
    const t = await testPlatform();
    /** A square JPEG padded after its end marker to `size` bytes. */
    const logoOf = (size: number) => {
      const bytes = new Uint8Array(size);
      bytes.set(jpegOfSize(640, 640));
      return { data: base64(bytes), mimeType: 'image/jpeg' };
    };
    const start = (phoneNumber: string, logo: { data: string; mimeType: string }) =>
      signup(t, 'number', {
        wabaId: DEMO.wabaId,
        phoneNumber,
        displayName: 'Loro Madrid',
        category: 'RETAIL',
        logo,
        method: 'SMS',
      });
    const fiveMb = 5 * 1024 * 1024;
    const accepted = await start('+34 910 123 456', logoOf(fiveMb));
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);

    const slightlyLarger = await start('+34 910 123 457', logoOf(fiveMb + 1));
    expect(slightlyLarger.status).toBe(400);
    expect(slightlyLarger.body.error.issues).toEqual([{ path: 'logo', message: expect.stringContaining('5 MB') }]);

    // Past what the body limit lets through: refused before it is read, still on the logo field.
    const huge = await start('+34 910 123 458', logoOf(8 * 1024 * 1024));
    expect(huge.status).toBe(413);
    expect(huge.body.error.issues).toEqual([{ path: 'logo', message: 'the logo must be at most 5 MB' }]);
  });

  it('connects an account created in the signup: its verified number is listed and becomes a channel', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const account = await signup(t, 'business', {
      businessManagerId: '123456789012345',
      name: 'Loro Norte',
      timeZone: 'Europe/Madrid',
      email: 'norte@loro.example',
      website: 'https://norte.loro.example',
      country: 'ES',
    });
    const wabaId: string = account.body.wabaId;
    const started = await signup(t, 'number', {
      wabaId,
      phoneNumber: '+34 910 123 456',
      displayName: 'Loro Norte',
      category: 'RETAIL',
      method: 'SMS',
    });
    const id = started.body.phoneNumberId;
    const [sent] = (await t.call('GET', `/simulator/api/outbox?phoneNumberId=${id}`)).body;
    const code = /(\d{3}-\d{3})/.exec(sent.text)?.[1] ?? '';
    expect((await signup(t, 'verify', { phoneNumberId: id, code })).status).toBe(200);

    const numbers = async () => (await t.call('GET', '/api/admin/whatsapp-numbers', { token: admin })).body;
    expect((await numbers()).map((n: { phoneNumberId: string }) => n.phoneNumberId)).not.toContain(id);

    const unknown = await t.call('POST', '/api/admin/whatsapp-accounts', { token: admin, body: { wabaId: '999' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0].path).toBe('wabaId');

    const connected = await t.call('POST', '/api/admin/whatsapp-accounts', { token: admin, body: { wabaId } });
    expect(connected.status).toBe(201);
    expect(connected.body).toMatchObject({ name: 'Loro Norte', wabaId });
    const again = await t.call('POST', '/api/admin/whatsapp-accounts', { token: admin, body: { wabaId } });
    expect(again.status).toBe(200);
    expect(t.store.all('accounts')).toHaveLength(2);

    // Both accounts' numbers: the demo's and the new one.
    const listed = (await numbers()).map((n: { phoneNumberId: string }) => n.phoneNumberId);
    expect(listed).toEqual(expect.arrayContaining([DEMO.phoneNumberId, id]));
    const channel = await t.call('POST', '/api/admin/channels', {
      token: admin,
      body: { phoneNumberId: id, name: 'Norte', defaultSkillId: DEMO.skillId, defaultScriptId: DEMO.scriptId },
    });
    expect(channel.status, JSON.stringify(channel.body)).toBe(201);
    expect(channel.body).toMatchObject({ status: 'pending', accountId: connected.body.id });
    t.clock.advance(60_000);
    await t.sweep();
    const mine = (await t.call('GET', '/api/admin/channels', { token: admin })).body.channels;
    expect(mine.find((c: { name: string }) => c.name === 'Norte')?.status).toBe('approved');

    const agent = await t.login('ana', 'loro-agent');
    expect((await t.call('POST', '/api/admin/whatsapp-accounts', { token: agent, body: { wabaId } })).status).toBe(403);
  });
});
