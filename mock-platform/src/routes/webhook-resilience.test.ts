import { afterEach, describe, expect, it, vi } from 'vitest';
import { stringifyLikeMeta } from '../../../shared/whatsapp/escape-json.ts';
import { put } from '../platform/records.ts';
import { DEMO } from '../seed/demo-tenant.ts';
import { whatsappFixtures } from '../testing/fixtures.ts';
import { testPlatform } from '../testing/harness.ts';
import { signBody } from '../whatsapp/signature.ts';

afterEach(() => vi.restoreAllMocks());

type Platform = Awaited<ReturnType<typeof testPlatform>>;

/** Meta's example text webhook (from its OpenAPI file), pointed at the demo number. */
function metaTextWebhook() {
  const [, raw] = whatsappFixtures('webhook_text_message.json')[0] ?? [];
  if (!raw) throw new Error('fixture missing');
  return JSON.parse(raw.replaceAll('106540352242922', DEMO.phoneNumberId));
}

async function post(t: Platform, body: unknown, signature?: string) {
  const text = typeof body === 'string' ? body : stringifyLikeMeta(body);
  const response = await t.app.request('http://platform.test/webhooks/whatsapp', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signature ?? signBody(t.config.WHATSAPP_APP_SECRET, text),
    },
    body: text,
  });
  return { status: response.status, text: await response.text() };
}

function captureLogs() {
  const logged: string[] = [];
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
  }
  return logged;
}

/** A `messages` change for the demo number. */
function change(value: Record<string, unknown>) {
  return {
    field: 'messages',
    value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: DEMO.phoneNumber.slice(1), phone_number_id: DEMO.phoneNumberId },
      ...value,
    },
  };
}

function envelope(...changes: unknown[]) {
  return { object: 'whatsapp_business_account', entry: [{ id: DEMO.wabaId, changes }] };
}

describe('the receiver never drops a batch for one item it cannot read', () => {
  it('stores every valid message beside each unknown value, answers 200, logs and counts the rest', async () => {
    const t = await testPlatform();
    const logged = captureLogs();
    const body = metaTextWebhook();
    const value = body.entry[0].changes[0].value;
    const validId = value.messages[0].id as string;
    value.contacts.push({ profile: { name: 'Scoped Person' }, user_id: 'US.13491208655302741918' });
    value.messages.push(
      // A numeric timestamp: stored.
      { from: '34600111222', id: 'wamid.numeric-ts', timestamp: 1749416390, type: 'text', text: { body: 'numeric' } },
      // No `from` (business-scoped user id only): not stored, counted.
      {
        from_user_id: 'US.13491208655302741918',
        id: 'wamid.no-from',
        timestamp: '1749416391',
        type: 'text',
        text: { body: 'secret words' },
      },
      // A type-specific part that does not match: stored as "could not be read".
      { from: '34600111333', id: 'wamid.odd-text', timestamp: '1749416392', type: 'text', text: { body: 42 } },
      // A type nobody knows: a readable line.
      { from: '34600111444', id: 'wamid.poll', timestamp: '1749416393', type: 'poll', poll: { question: 'x' } },
    );
    value.statuses = ['deleted', 'warning', 'played', 'pending'].map((status, i) => ({
      id: `wamid.status-${i}`,
      status,
      timestamp: '1749416394',
      recipient_id: '16505551234',
    }));
    // An entry that is not an entry, and a messages change without its metadata.
    body.entry.push({ id: 'broken' }, { id: DEMO.wabaId, changes: [{ field: 'messages', value: { messages: [] } }] });

    const answer = await post(t, body);

    expect(answer.status).toBe(200);
    expect(t.store.get('messages', validId)?.text).toBe('Does it come in another color?');
    expect(t.store.get('messages', 'wamid.numeric-ts')).toMatchObject({ text: 'numeric', timestamp: 1749416390_000 });
    expect(t.store.get('messages', 'wamid.no-from')).toBeUndefined();
    expect(t.store.get('messages', 'wamid.odd-text')?.text).toBe('[text message: could not be read]');
    expect(t.store.get('messages', 'wamid.poll')?.text).toBe('[poll message: cannot be shown here]');
    // `played` means read: that status is kept for its send; the others change nothing.
    expect(t.store.get('orphanStatuses', 'wamid.status-2')?.status).toBe('read');
    for (const i of [0, 1, 3]) expect(t.store.get('orphanStatuses', `wamid.status-${i}`)).toBeUndefined();

    const health = await t.call('GET', '/healthz');
    expect(health.body.webhookItemsSkipped).toBe(7);
    expect(health.body.webhookSkipReasons).toMatchObject({
      'message: from: missing (business-scoped user id only)': 1,
      'contact: wa_id: missing (business-scoped user id only)': 1,
      'status: status "deleted" changes no delivery status': 1,
      'status: status "warning" changes no delivery status': 1,
      'status: status "pending" changes no delivery status': 1,
    });
    const reasons = Object.keys(health.body.webhookSkipReasons);
    expect(reasons).toContainEqual(expect.stringMatching(/^entry: changes: /));
    expect(reasons).toContainEqual(expect.stringMatching(/^change: metadata: /));
    const log = logged.join('\n');
    expect(log).toContain('was not stored: from: missing');
    expect(log).toContain('status "deleted" changes no delivery status');
    // No personal data: not the customer's words, names, numbers, user ids or message ids (a
    // wamid encodes the customer's number).
    for (const personal of ['secret words', 'Scoped Person', 'US.1349', '16505551234', '34600111', 'wamid.']) {
      expect(log).not.toContain(personal);
    }

    // Meta re-sends the same body: nothing stored twice, still 200.
    expect((await post(t, body)).status).toBe(200);
    const conversation = t.store.get('messages', validId)?.conversationId ?? '';
    expect(t.store.where('messages', 'conversationId', conversation)).toHaveLength(1);
  });

  it('refuses only what is not a WhatsApp webhook at all, or is not signed', async () => {
    const t = await testPlatform();
    captureLogs();
    expect((await post(t, 'not json')).status).toBe(400);
    expect((await post(t, { object: 'page', entry: [] })).status).toBe(400);
    expect((await post(t, { object: 'whatsapp_business_account' })).status).toBe(400);
    expect((await post(t, metaTextWebhook(), 'sha256=00')).status).toBe(401);
    expect((await post(t, { object: 'whatsapp_business_account', entry: [42] })).status).toBe(200);
  });

  it('moves a status it cannot tie to a send out after an hour (clock-driven)', async () => {
    const t = await testPlatform();
    const status = { id: 'wamid.other-app', status: 'delivered', timestamp: 1749416394, recipient_id: '1' };
    expect((await post(t, envelope(change({ statuses: [status] })))).status).toBe(200);
    await t.sweep();
    expect(t.store.get('orphanStatuses', 'wamid.other-app')).toBeDefined();
    t.clock.advance(61 * 60_000);
    await t.sweep();
    expect(t.store.get('orphanStatuses', 'wamid.other-app')).toBeUndefined();
  });

  it('applies played as read to a message the platform sent', async () => {
    const t = await testPlatform();
    await t.store.commit([
      put('messages', {
        id: 'wamid.sent',
        conversationId: 'conv_x',
        direction: 'outbound',
        type: 'text',
        text: 'hola',
        timestamp: 0,
        status: 'delivered',
      }),
    ]);
    const status = { id: 'wamid.sent', status: 'played', timestamp: '1749416394', recipient_id: '1' };
    expect((await post(t, envelope(change({ statuses: [status] })))).status).toBe(200);
    expect(t.store.get('messages', 'wamid.sent')?.status).toBe('read');
  });
});

describe('what customers send besides words', () => {
  it('shows a Flow’s answer (nfm_reply) as its fields', async () => {
    const t = await testPlatform();
    const message = {
      from: '34600222333',
      id: 'wamid.flow',
      timestamp: '1749416400',
      type: 'interactive',
      interactive: {
        type: 'nfm_reply',
        nfm_reply: {
          name: 'flow',
          body: 'Sent',
          response_json: JSON.stringify({ flow_token: 'tok', first_name: 'Ana', services: ['cut', 'dye'] }),
        },
      },
    };
    expect((await post(t, envelope(change({ messages: [message] })))).status).toBe(200);
    expect(t.store.get('messages', 'wamid.flow')?.text).toBe('📋 Form answer\nfirst name: Ana\nservices: cut, dye');
  });

  it('opens no conversation for request_welcome', async () => {
    const t = await testPlatform();
    captureLogs();
    const message = { from: '34600222444', id: 'wamid.welcome', timestamp: '1749416400', type: 'request_welcome' };
    expect((await post(t, envelope(change({ messages: [message] })))).status).toBe(200);
    expect(t.store.where('conversations', 'customerWaId', '34600222444')).toHaveLength(0);
  });

  it('moves the customer and the open conversation to the new number (user_changed_number)', async () => {
    const t = await testPlatform();
    captureLogs();
    await t.customerSays('Hola', '+34 612 345 678', 'María');
    const [open] = t.store.where('conversations', 'customerWaId', '34612345678');
    expect(open).toBeDefined();
    const notice = {
      from: '34612345678',
      id: 'wamid.changed',
      timestamp: '1749416400',
      type: 'system',
      system: {
        body: 'María changed from 34612345678 to 34699888777',
        wa_id: '34699888777',
        type: 'user_changed_number',
      },
    };
    expect((await post(t, envelope(change({ messages: [notice] })))).status).toBe(200);
    expect(t.store.get('customers', '34612345678')).toBeUndefined();
    expect(t.store.get('customers', '34699888777')?.name).toBe('María');
    expect(t.store.get('conversations', open?.id ?? '')).toMatchObject({
      customerWaId: '34699888777',
      status: 'queued',
    });
    expect(t.store.get('messages', 'wamid.changed')?.conversationId).toBe(open?.id);
    // No second conversation was opened for the notice.
    expect(t.store.where('conversations', 'customerWaId', '34699888777')).toHaveLength(1);
  });
});
