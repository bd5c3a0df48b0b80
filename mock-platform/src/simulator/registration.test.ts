import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { jpegOfSize, pngOfSize } from '../testing/images.ts';
import { putSim } from './records.ts';

const auth = { authorization: 'Bearer loro-demo-access-token' };
type Harness = Awaited<ReturnType<typeof testPlatform>>;
const NEW_ID = '200000000000077';

async function withNewNumber(t: Harness) {
  await t.simulatorStore.commit([
    putSim('phoneNumbers', {
      id: NEW_ID,
      wabaId: DEMO.wabaId,
      phoneNumber: '+16145557788',
      verifiedName: 'Loro Sales',
      status: 'PENDING',
      qualityRating: 'UNKNOWN',
      messagingLimitTier: 'TIER_250',
      codeVerificationStatus: 'NOT_VERIFIED',
    }),
  ]);
}

const lastCode = async (t: Harness) => {
  const [latest] = (await t.call('GET', `/simulator/api/outbox?phoneNumberId=${NEW_ID}`)).body;
  return /(\d{3})-(\d{3})/.exec(latest.text)?.slice(1).join('') ?? '';
};

describe('number verification and registration (CH-3)', () => {
  it('sends a six-digit code to the outbox, verifies it, then registers the number', async () => {
    const t = await testPlatform();
    await withNewNumber(t);
    expect(
      (await t.graph('POST', `/${NEW_ID}/register`, { messaging_product: 'whatsapp', pin: '123456' })).body.error.code,
    ).toBe(133010);
    expect((await t.graph('POST', `/${NEW_ID}/request_code`, { code_method: 'SMS', language: 'en_US' })).body).toEqual({
      success: true,
    });
    const code = await lastCode(t);
    expect(code).toMatch(/^\d{6}$/);
    const outbox = (await t.call('GET', '/simulator/api/outbox')).body;
    expect(outbox[0]).toMatchObject({ method: 'SMS', phoneNumber: '+16145557788' });
    expect((await t.graph('POST', `/${NEW_ID}/verify_code`, { code })).body).toEqual({ success: true, id: NEW_ID });
    expect(
      (await t.graph('POST', `/${NEW_ID}/register`, { messaging_product: 'whatsapp', pin: '123456' })).body,
    ).toEqual({ success: true });
    expect((await t.graph('GET', `/${NEW_ID}`)).body).toMatchObject({
      code_verification_status: 'VERIFIED',
      status: 'CONNECTED',
    });
  });

  it('refuses a wrong code with the attempts left, locks the number after five, and lets codes expire', async () => {
    const t = await testPlatform();
    await withNewNumber(t);
    const malformed = await t.graph('POST', `/${NEW_ID}/verify_code`, { code: '12ab' });
    expect([malformed.body.error.code, malformed.body.error.error_data.details]).toEqual([
      100,
      'Invalid parameter code: code must be 6 digits',
    ]);
    await t.graph('POST', `/${NEW_ID}/request_code`, { code_method: 'VOICE', language: 'es' });
    const code = await lastCode(t);
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await t.graph('POST', `/${NEW_ID}/verify_code`, { code: wrong });
    expect([first.status, first.body.error.code, first.body.error.error_data.details]).toEqual([
      400,
      136024,
      'Verification code error: the code is wrong (4 attempts left)',
    ]);
    for (let i = 0; i < 3; i++) await t.graph('POST', `/${NEW_ID}/verify_code`, { code: wrong });
    const locked = await t.graph('POST', `/${NEW_ID}/verify_code`, { code: wrong });
    expect([locked.status, locked.body.error.code]).toEqual([429, 133016]);
    // Locked: even the right code and a new request are refused, for an hour.
    expect((await t.graph('POST', `/${NEW_ID}/verify_code`, { code })).body.error.code).toBe(133016);
    expect(
      (await t.graph('POST', `/${NEW_ID}/request_code`, { code_method: 'SMS', language: 'es' })).body.error.error_data
        .details,
    ).toBe('Too many wrong codes: the number is locked; try again in 60 min');
    t.clock.advance(60 * 60_000);
    await t.graph('POST', `/${NEW_ID}/request_code`, { code_method: 'SMS', language: 'es' });
    const fresh = await lastCode(t);
    t.clock.advance(10 * 60_000);
    const expired = await t.graph('POST', `/${NEW_ID}/verify_code`, { code: fresh });
    expect([expired.body.error.code, expired.body.error.error_data.details]).toEqual([
      136025,
      'Verification code expired: request a new code',
    ]);
  });
});

describe('the WhatsApp Business profile', () => {
  async function upload(t: Harness, bytes: Uint8Array, type: string) {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', type);
    form.set('file', new File([new Uint8Array(bytes)], 'logo', { type }));
    const response = await t.app.request(`http://platform.test/graph/v23.0/${DEMO.phoneNumberId}/media`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    return (await response.json()).id as string;
  }

  it('answers flat, updates within Meta’s limits, and checks the logo from its bytes', async () => {
    const t = await testPlatform();
    const empty = await t.graph('GET', `/${DEMO.phoneNumberId}/whatsapp_business_profile`);
    expect(empty.body.data[0]).toMatchObject({ messaging_product: 'whatsapp', about: '', websites: [] });

    const tooLong = await t.graph('POST', `/${DEMO.phoneNumberId}/whatsapp_business_profile`, {
      messaging_product: 'whatsapp',
      about: 'x'.repeat(140),
    });
    expect(tooLong.body.error.error_data.details).toBe('Invalid parameter about: about must be at most 139 characters');
    const threeSites = await t.graph('POST', `/${DEMO.phoneNumberId}/whatsapp_business_profile`, {
      messaging_product: 'whatsapp',
      websites: ['https://a.example', 'https://b.example', 'https://c.example'],
    });
    expect(threeSites.body.error.error_data.details).toBe('Invalid parameter websites: at most 2 websites');

    const wide = await upload(t, jpegOfSize(800, 600), 'image/jpeg');
    const notSquare = await t.graph('POST', `/${DEMO.phoneNumberId}/whatsapp_business_profile`, {
      messaging_product: 'whatsapp',
      profile_picture_handle: wide,
    });
    expect([notSquare.body.error.code, notSquare.body.error.error_data.details]).toEqual([
      131009,
      'The profile picture must be square (it is 800×600)',
    ]);

    const square = await upload(t, pngOfSize(640, 640), 'image/png');
    const saved = await t.graph('POST', `/${DEMO.phoneNumberId}/whatsapp_business_profile`, {
      messaging_product: 'whatsapp',
      about: 'Hablamos español 💬',
      email: 'hola@loro.example',
      websites: ['https://loro.example'],
      vertical: 'RETAIL',
      profile_picture_handle: square,
    });
    expect(saved.body).toEqual({ success: true });
    const profile = (await t.graph('GET', `/${DEMO.phoneNumberId}/whatsapp_business_profile`)).body.data[0];
    expect(profile).toMatchObject({
      about: 'Hablamos español 💬',
      vertical: 'RETAIL',
      websites: ['https://loro.example'],
    });
    expect(profile.profile_picture_url).toMatch(new RegExp(`/graph/media-download/${square}$`));
  });
});
