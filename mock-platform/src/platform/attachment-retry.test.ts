import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { PAIR_BURST } from '../simulator/policy.ts';
import { testPlatform } from '../testing/harness.ts';

const CUSTOMER_WA_ID = '34612345678';

/**
 * Ana holds María's conversation and sends her a signed contract (a PDF with a caption) just after
 * another system of the business flooded María: WhatsApp refuses it for its pair rate (131056).
 */
async function refusedDocument() {
  const t = await testPlatform();
  const ana = await t.login('ana', 'loro-agent');
  await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
  await t.customerSays('¿Me manda el contrato?', '+34 612 345 678', 'María García');
  const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
  const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
  for (let i = 0; i < PAIR_BURST; i++) {
    await t.graph('POST', `/${DEMO.phoneNumberId}/messages`, {
      messaging_product: 'whatsapp',
      to: CUSTOMER_WA_ID,
      type: 'text',
      text: { body: `Aviso ${i}` },
    });
  }
  const form = new FormData();
  form.set(
    'file',
    new Blob([new TextEncoder().encode('%PDF-1.4 contrato')], { type: 'application/pdf' }),
    'contrato.pdf',
  );
  form.set('caption', 'Su contrato firmado');
  const refused = await t.app.request(`http://platform.test/api/conversations/${conversation.id}/media`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${ana}` },
  });
  expect(refused.status).toBe(502);
  return { t, ana, conversation: conversation as { id: string } };
}

describe('Retry on an attachment WhatsApp refused (issue 16 item 1)', () => {
  it('offers Retry and sends the same uploaded file again, with its caption and file name, once', async () => {
    const { t, ana, conversation } = await refusedDocument();
    const transcript = async () =>
      (await t.call('GET', `/api/conversations/${conversation.id}/messages`, { token: ana })).body;
    const failed = (await transcript()).at(-1);
    expect(failed).toMatchObject({
      status: 'failed',
      errorCode: 131056,
      retryable: true,
      text: 'Su contrato firmado',
      media: { kind: 'document', filename: 'contrato.pdf' },
    });

    t.clock.advance(7_000);
    const retried = await t.call('POST', `/api/conversations/${conversation.id}/messages/${failed.id}/retry`, {
      token: ana,
    });
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ text: 'Su contrato firmado', media: { id: failed.media.id } });
    const documents = t.simulator.thread(DEMO.phoneNumberId, CUSTOMER_WA_ID).filter((m) => m.type === 'document');
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({
      payload: { id: failed.media.id, caption: 'Su contrato firmado', filename: 'contrato.pdf' },
    });
    // The failed one loses its Retry; a second Retry is refused.
    expect((await transcript()).find((m: { id: string }) => m.id === failed.id).retryable).toBeUndefined();
    const again = await t.call('POST', `/api/conversations/${conversation.id}/messages/${failed.id}/retry`, {
      token: ana,
    });
    expect(again.status).toBe(409);
  });

  it('is sent again by the rate-limit sweep as the same file, not as its caption in text', async () => {
    const { t } = await refusedDocument();
    t.clock.advance(7_000);
    await t.sweep();
    const thread = t.simulator.thread(DEMO.phoneNumberId, CUSTOMER_WA_ID);
    expect(thread.filter((m) => m.type === 'document')).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({ caption: 'Su contrato firmado', filename: 'contrato.pdf' }),
      }),
    ]);
    expect(
      thread.filter((m) => m.direction === 'outbound' && m.text === 'Su contrato firmado' && m.type === 'text'),
    ).toEqual([]);
  });
});
