import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

const offer = {
  name: 'summer_offer',
  language: 'es_MX',
  category: 'MARKETING',
  components: [
    { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2UvanBn:sample'] } },
    { type: 'BODY', text: 'Hola {{1}}, tu código es válido hasta el domingo.', example: { body_text: [['Lucía']] } },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Me interesa' },
        { type: 'QUICK_REPLY', text: 'No, gracias' },
        { type: 'URL', text: 'Ver oferta', url: 'https://tienda.example/oferta/{{1}}', example: ['verano'] },
        { type: 'PHONE_NUMBER', text: 'Llamar', phone_number: '+5215512345678' },
        { type: 'COPY_CODE', example: 'VERANO25' },
      ],
    },
  ],
};

async function created(t: Awaited<ReturnType<typeof testPlatform>>) {
  const answer = await t.graph('POST', `/${DEMO.wabaId}/message_templates`, offer);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.id as string;
}

describe('template review in the simulator: Meta’s transitions, stored by the platform', () => {
  it('moves only along Meta’s transitions; a rejection needs one of Meta’s reasons', async () => {
    const t = await testPlatform();
    const id = await created(t);
    const review = (decision: string, reason?: string) =>
      t.call('POST', `/simulator/api/templates/${id}/review`, { body: { decision, ...(reason ? { reason } : {}) } });

    const paused = await review('PAUSED');
    expect([paused.status, paused.body.error.issues]).toEqual([
      409,
      [{ path: 'decision', message: 'a PENDING template can become APPROVED or REJECTED, not PAUSED' }],
    ]);
    const noReason = await review('REJECTED');
    expect([noReason.status, noReason.body.error.issues]).toEqual([
      400,
      [{ path: 'reason', message: 'a rejection needs a reason' }],
    ]);
    expect((await review('REJECTED', 'SPAM_WORDS')).status).toBe(400);
    expect((await review('REJECTED', 'PROMOTIONAL')).body).toMatchObject({
      status: 'REJECTED',
      rejectedReason: 'PROMOTIONAL',
    });
    expect((await review('APPROVED')).status).toBe(409);
    // The business edits it: back to review, then approved, paused, unpaused, disabled for good.
    expect((await t.graph('POST', `/${id}`, { category: 'MARKETING' })).body).toEqual({ success: true });
    for (const step of ['APPROVED', 'PAUSED', 'APPROVED', 'DISABLED']) expect((await review(step)).status).toBe(200);
    expect((await review('APPROVED')).body.error.issues[0].message).toBe('a DISABLED template stays disabled');
  });

  it('sends each change as message_template_status_update; the platform stores it and shows it in its template list', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const id = await created(t);
    await t.call('POST', `/simulator/api/templates/${id}/review`, {
      body: { decision: 'REJECTED', reason: 'INVALID_FORMAT' },
    });
    await t.webhooks.idle();
    expect(t.store.get('templateStatuses', id)).toMatchObject({
      wabaId: DEMO.wabaId,
      name: 'summer_offer',
      language: 'es_MX',
      event: 'REJECTED',
      reason: 'INVALID_FORMAT',
      at: t.clock.now(),
    });
    const list = async () =>
      (await t.call('GET', '/api/admin/templates', { token: admin })).body.find(
        (template: { id: string }) => template.id === id,
      );
    expect(await list()).toEqual({
      id,
      name: 'summer_offer',
      language: 'es_MX',
      status: 'REJECTED',
      category: 'MARKETING',
      account: { id: DEMO.accountId, name: DEMO.businessName, wabaId: DEMO.wabaId },
      reason: 'INVALID_FORMAT',
      statusChangedAt: t.clock.now(),
    });
    // Edited: PENDING again, and the old rejection's reason is no longer shown with it.
    await t.graph('POST', `/${id}`, { category: 'MARKETING' });
    expect(await list()).toMatchObject({ status: 'PENDING' });
    expect((await list()).reason).toBeUndefined();
  });

  it('approves pending templates on its own after SIMULATOR_TEMPLATE_REVIEW_SECONDS (the clock, by the sweep)', async () => {
    const t = await testPlatform({ SIMULATOR_TEMPLATE_REVIEW_SECONDS: '600' });
    const id = await created(t);
    t.clock.advance(599_000);
    await t.sweep();
    expect(t.simulatorStore.get('templates', id)?.status).toBe('PENDING');
    t.clock.advance(1_000);
    await t.sweep();
    expect(t.simulatorStore.get('templates', id)?.status).toBe('APPROVED');
    await t.webhooks.idle();
    expect(t.store.get('templateStatuses', id)?.event).toBe('APPROVED');
  });
});
