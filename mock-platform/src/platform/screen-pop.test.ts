import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { put } from './records.ts';

describe('screen pop (RT-9)', () => {
  it('gives the accepting agent the skill’s URL filled for the contact, masked when masking is on', async () => {
    const t = await testPlatform();
    const skill = t.store.get('skills', DEMO.skillId);
    if (!skill) throw new Error('no demo skill');
    await t.store.commit([
      put('skills', {
        ...skill,
        screenPopUrl: 'https://crm.example/contact?c={conversationId}&phone={customerNumber}',
      }),
    ]);
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('hello');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    expect(conversation.screenPopUrl).toBe(`https://crm.example/contact?c=${conversation.id}&phone=%2B34612345678`);

    const admin = await t.login('admin', 'loro-admin');
    await t.call('PUT', '/api/admin/settings', { token: admin, body: { maskSensitiveData: true } });
    const masked = (await t.call('GET', `/api/conversations/${conversation.id}`, { token: ana })).body;
    expect(masked.screenPopUrl).toBe(`https://crm.example/contact?c=${conversation.id}&phone=********5678`);
  });

  it('refuses a screen-pop URL that is not an http(s) URL', async () => {
    const t = await testPlatform();
    const skill = t.store.get('skills', DEMO.skillId);
    if (!skill) throw new Error('no demo skill');
    await expect(t.store.commit([put('skills', { ...skill, screenPopUrl: 'javascript:alert(1)' })])).rejects.toThrow(
      /screenPopUrl/,
    );
  });
});
