import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { VERTICALS } from './business-profile.ts';
import { signupPage } from './signup-page.ts';
import { CATEGORY_NAMES, signupLanguage } from './signup-words.ts';

describe('the signup’s words (CH-2, CH-4), English and Spanish', () => {
  it.each([
    ['es-ES,es;q=0.9,en;q=0.8', 'es'],
    ['en-US,en;q=0.9,es;q=0.5', 'en'],
    ['fr-FR,es;q=0.7', 'es'],
    [undefined, 'en'],
  ] as const)('Accept-Language %s → %s', (header, lang) => {
    expect(signupLanguage(header)).toBe(lang);
  });

  it.each(['en', 'es'] as const)('shows every category by name in %s and sends Meta’s code', (lang) => {
    const page = signupPage(lang);
    for (const code of VERTICALS.filter((v) => v !== 'UNDEFINED')) {
      const name = CATEGORY_NAMES[lang][code];
      expect(page).toContain(`<option value="${code}">${name}</option>`);
      expect(page).not.toContain(`>${code}</option>`);
    }
    expect(page).toContain(`<html lang="${lang}">`);
  });

  it('says where each existing profile’s number stands: a started, unverified number is not connected', async () => {
    const t = await testPlatform();
    const started = await t.call('POST', '/simulator/api/signup/number', {
      body: {
        wabaId: DEMO.wabaId,
        phoneNumber: '+34 910 123 456',
        displayName: 'Loro Madrid',
        category: 'RETAIL',
        method: 'SMS',
      },
    });
    expect(started.status).toBe(200);
    const profiles = (await t.call('GET', `/simulator/api/signup/profiles?wabaId=${DEMO.wabaId}`)).body;
    expect(profiles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ phoneNumber: DEMO.phoneNumber, state: 'connected' }),
        expect.objectContaining({ id: started.body.phoneNumberId, state: 'unverified' }),
      ]),
    );
    const spanish = await t.call('GET', '/simulator/signup', { headers: { 'accept-language': 'es-ES' } });
    expect(String(spanish.body)).toContain('todavía no está verificado');
    expect(String(spanish.body)).toContain('<option value="RETAIL">Compras y comercio minorista</option>');
  });
});
