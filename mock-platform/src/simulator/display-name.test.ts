import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

const number = DEMO.phoneNumberId;
const nameFields = 'verified_name,name_status,new_display_name,new_name_status';

describe('POST /{phone-number-id}: display name, username, search visibility (Meta’s PhoneNumberStatusUpdateRequest)', () => {
  it('sends a new display name to review; the reviewer declines or WhatsApp approves it, each a phone_number_name_update webhook', async () => {
    const webhooks: string[] = [];
    const t = await testPlatform({}, undefined, {
      wrapFetch: (next) => (url, init) => {
        if (url.endsWith('/webhooks/whatsapp') && init?.method === 'POST') webhooks.push(String(init.body));
        return next(url, init);
      },
    });
    const admin = await t.login('admin', 'loro-admin');
    expect((await t.graph('POST', `/${number}`, { new_display_name: 'Loro Tienda' })).body).toEqual({ success: true });
    expect((await t.graph('GET', `/${number}?fields=${nameFields}`)).body).toEqual({
      verified_name: DEMO.businessName,
      name_status: 'APPROVED',
      new_display_name: 'Loro Tienda',
      new_name_status: 'PENDING_REVIEW',
      id: number,
    });

    const declined = await t.call('POST', `/simulator/api/numbers/${number}/display-name`, {
      body: { decision: 'DECLINED', reason: 'Does not match the business' },
    });
    expect(declined.body).toMatchObject({ verifiedName: DEMO.businessName, newNameStatus: 'DECLINED' });
    await t.webhooks.idle();
    const decline = JSON.parse(webhooks.at(-1) ?? '{}').entry[0].changes[0];
    expect(decline).toEqual({
      field: 'phone_number_name_update',
      value: {
        display_phone_number: DEMO.phoneNumber.replace('+', ''),
        decision: 'REJECTED',
        requested_verified_name: 'Loro Tienda',
        rejection_reason: 'Does not match the business',
      },
    });
    const again = await t.call('POST', `/simulator/api/numbers/${number}/display-name`, {
      body: { decision: 'APPROVED' },
    });
    expect(again.status).toBe(400);

    // Asked again, and nobody reviews it: WhatsApp approves it after the approval delay.
    await t.graph('POST', `/${number}`, { new_display_name: 'Loro Tienda Madrid' });
    t.clock.advance(60_000);
    await t.sweep();
    expect((await t.graph('GET', `/${number}?fields=${nameFields}`)).body).toEqual({
      verified_name: 'Loro Tienda Madrid',
      name_status: 'APPROVED',
      new_display_name: 'Loro Tienda Madrid',
      new_name_status: 'APPROVED',
      id: number,
    });
    await t.webhooks.idle();
    expect(JSON.parse(webhooks.at(-1) ?? '{}').entry[0].changes[0].value).toMatchObject({
      decision: 'APPROVED',
      requested_verified_name: 'Loro Tienda Madrid',
    });
    // The receiver takes the notice without refusing it, and the platform lists the new name.
    const numbers = (await t.call('GET', '/api/admin/whatsapp-numbers', { token: admin })).body;
    expect(numbers.find((n: { phoneNumberId: string }) => n.phoneNumberId === number).verifiedName).toBe(
      'Loro Tienda Madrid',
    );
  });

  it('sets a unique username and the search visibility; saying the current connection status is harmless', async () => {
    const t = await testPlatform();
    expect(
      (
        await t.graph('POST', `/${number}`, {
          username: 'loro.shop',
          search_visibility: 'HIDDEN',
          connection_status: 'CONNECTED',
          whatsapp_business_api_data: { pin: '123456', show_security_notifications: true },
        })
      ).body,
    ).toEqual({ success: true });
    expect((await t.graph('GET', `/${number}?fields=username,search_visibility,status`)).body).toEqual({
      username: 'loro.shop',
      search_visibility: 'HIDDEN',
      status: 'CONNECTED',
      id: number,
    });
    const taken = await t.graph('POST', `/${DEMO.spareNumber.phoneNumberId}`, { username: 'loro.shop' });
    expect([taken.status, taken.body.error.code, taken.body.error.error_data.details]).toEqual([
      400,
      100,
      'Invalid parameter username: loro.shop is already taken',
    ]);
    // Renaming keeps it unique to the number that holds it.
    expect((await t.graph('POST', `/${number}`, { username: 'loro.shop' })).status).toBe(200);
  });
});
