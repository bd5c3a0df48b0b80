import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { statusWebhook } from '../simulator/webhook-payloads.ts';
import { memoryJournal } from '../store/journal-files.ts';
import { testPlatform } from '../testing/harness.ts';
import type { FetchLike } from '../whatsapp/graph-client.ts';

type Platform = Awaited<ReturnType<typeof testPlatform>>;

const isSend = (url: string, init?: RequestInit) =>
  url.includes('/messages') && init?.method === 'POST' && !String(init.body).includes('"status":"read"');

/** Ana, Available, with María's conversation accepted. */
async function activeConversation(t: Platform) {
  const ana = await t.login('ana', 'loro-agent');
  await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
  await t.customerSays('Hola, ¿y mi pedido?');
  const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
  const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
  return { ana, conversationId: conversation.id as string };
}

const transcriptOf = async (t: Platform, token: string, conversationId: string) =>
  (await t.call('GET', `/api/conversations/${conversationId}/messages`, { token })).body as {
    id: string;
    direction: string;
    text: string;
    status?: string;
    error?: string;
    errorCode?: number;
    uncertain?: boolean;
    retryable?: boolean;
    wamid?: string;
  }[];

const phoneThread = (t: Platform) =>
  t.simulatorStore
    .all('messages')
    .filter((m) => m.direction === 'outbound')
    .map((m) => m.text);

describe('replies go through an outbox (recorded before they are sent)', () => {
  it('a stop between "sending" and WhatsApp’s answer leaves a reply that is shown and never sent twice', async () => {
    const files = memoryJournal();
    let crashDisk: Map<string, string> | undefined;
    const t = await testPlatform({}, files, {
      wrapFetch: (next) => async (url, init) => {
        // Delivery statuses would reach this process only after it died (below, the restarted one).
        if (url.includes('/webhooks/whatsapp') && String(init?.body).includes('"statuses"')) return new Response('ok');
        if (!isSend(url, init) || crashDisk) return next(url, init);
        // WhatsApp takes the message (the customer's phone gets it)...
        await next(url, init);
        // ...and the platform dies before reading the answer: the disk is what it was then.
        crashDisk = new Map(files.disk);
        return new Promise<Response>(() => undefined);
      },
    });
    const { ana, conversationId } = await activeConversation(t);
    void t.call('POST', `/api/conversations/${conversationId}/messages`, { token: ana, body: { text: 'Ya sale hoy' } });
    for (let i = 0; i < 200 && !crashDisk; i++) await new Promise((resolve) => setImmediate(resolve));
    if (!crashDisk) throw new Error('the send never reached WhatsApp');
    expect(phoneThread(t)).toEqual(['Ya sale hoy']);

    // Restart over the journal as the crash left it, counting what the new process sends.
    const sends: string[] = [];
    const watch = (next: FetchLike): FetchLike => {
      return async (url, init) => {
        if (isSend(url, init)) sends.push(String(init?.body));
        return next(url, init);
      };
    };
    const restarted = await testPlatform({}, memoryJournal(crashDisk), { wrapFetch: watch });
    expect(await restarted.recovered).toBe(1);
    const token = await restarted.login('ana', 'loro-agent');
    const [, reply] = await transcriptOf(restarted, token, conversationId);
    expect(reply).toMatchObject({
      direction: 'outbound',
      text: 'Ya sale hoy',
      status: 'failed',
      uncertain: true,
      retryable: true,
      error: 'WhatsApp could not be reached; the message may not have been sent',
    });
    expect(reply).not.toHaveProperty('errorCode');

    // Time passes and timers run: nothing is sent again on its own.
    restarted.clock.advance(10 * 60_000);
    await restarted.sweep();
    await restarted.webhooks.idle();
    expect(sends).toEqual([]);
    expect(await transcriptOf(restarted, token, conversationId)).toHaveLength(2);

    // WhatsApp did take it: its status webhooks carry the reply's own id (biz_opaque_callback_data),
    // so the doubt is lifted, and the reply counts as the first response.
    const phone = t.simulatorStore.get('phoneNumbers', DEMO.phoneNumberId);
    const onPhone = t.simulatorStore.all('messages').find((m) => m.text === 'Ya sale hoy');
    if (!phone || !onPhone) throw new Error('fixture missing');
    expect(onPhone.callbackData).toBe(reply?.id);
    restarted.webhooks.enqueue(statusWebhook(phone, onPhone, 'delivered', restarted.clock.now()));
    await restarted.webhooks.idle();
    const [, delivered] = await transcriptOf(restarted, token, conversationId);
    expect(delivered).toMatchObject({ id: reply?.id, status: 'delivered', wamid: onPhone.id });
    expect(delivered).not.toHaveProperty('uncertain');
    expect(delivered).not.toHaveProperty('retryable');
    const conversation = (await restarted.call('GET', `/api/conversations/${conversationId}`, { token })).body;
    expect(conversation.sla.firstResponse.state).toBe('met');
  });

  it('gives up on a Cloud API that never answers, saying the message may not have been sent', async () => {
    const hung = createServer(() => undefined); // accepts the request, never answers
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const graphUrl = `http://127.0.0.1:${(hung.address() as AddressInfo).port}`;
    try {
      const t = await testPlatform({ GRAPH_BASE_URL: graphUrl, GRAPH_TIMEOUT_MS: '200' }, memoryJournal(), {
        wrapFetch: (next) => (url, init) => (url.startsWith(graphUrl) ? globalThis.fetch(url, init) : next(url, init)),
      });
      const { ana, conversationId } = await activeConversation(t);
      const reply = await t.call('POST', `/api/conversations/${conversationId}/messages`, {
        token: ana,
        body: { text: '¿Sigue ahí?' },
      });
      expect(reply.status).toBe(502);
      expect(reply.body.error).toEqual({
        code: 'whatsapp_unreachable',
        message: 'WhatsApp could not be reached; the message may not have been sent',
      });
      const [, stored] = await transcriptOf(t, ana, conversationId);
      expect(stored).toMatchObject({ text: '¿Sigue ahí?', status: 'failed', uncertain: true, retryable: true });
      // Not sent, so no answer: the first-response clock keeps running.
      const conversation = (await t.call('GET', `/api/conversations/${conversationId}`, { token: ana })).body;
      expect(conversation.sla.firstResponse.state).toBe('active');
    } finally {
      hung.closeAllConnections();
      await new Promise((resolve) => hung.close(resolve));
    }
  });

  it('reports an HTTP 5xx as "may not have been sent", and a refusal with Meta’s code; Retry sends it again once', async () => {
    let answer: 'ok' | '5xx' | 'refuse' = '5xx';
    const t = await testPlatform({}, memoryJournal(), {
      wrapFetch: (next) => async (url, init) => {
        if (!isSend(url, init) || answer === 'ok') return next(url, init);
        if (answer === '5xx') return new Response('upstream error', { status: 503 });
        return Response.json(
          {
            error: {
              message: '(Business Account, Consumer Account) pair rate limit hit',
              type: 'OAuthException',
              code: 131056,
              error_data: { messaging_product: 'whatsapp', details: 'Too many messages to this customer' },
              fbtrace_id: 'trace',
            },
          },
          { status: 400 },
        );
      },
    });
    const { ana, conversationId } = await activeConversation(t);
    const send = (text: string) =>
      t.call('POST', `/api/conversations/${conversationId}/messages`, { token: ana, body: { text } });

    expect((await send('uno')).body.error.code).toBe('whatsapp_unreachable');
    answer = 'refuse';
    const refused = await send('dos');
    expect([refused.status, refused.body.error.code]).toEqual([502, 'whatsapp_refused']);
    const [, first, second] = await transcriptOf(t, ana, conversationId);
    expect(first).toMatchObject({ text: 'uno', status: 'failed', uncertain: true });
    expect(second).toMatchObject({ text: 'dos', status: 'failed', errorCode: 131056, retryable: true });
    expect(second?.error).toContain('pair rate limit hit');
    expect(second).not.toHaveProperty('uncertain');

    answer = 'ok';
    const retry = (id: string) =>
      t.call('POST', `/api/conversations/${conversationId}/messages/${id}/retry`, { token: ana });
    const bruno = await t.login('bruno', 'loro-agent');
    expect(
      (await t.call('POST', `/api/conversations/${conversationId}/messages/${second?.id}/retry`, { token: bruno }))
        .status,
    ).toBe(404);
    const retried = await retry(second?.id ?? '');
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({ text: 'dos', wamid: expect.stringMatching(/^wamid\./) });
    await t.webhooks.idle();
    // Once only: a second Retry of the same failed reply is refused, and the phone has it once.
    expect((await retry(second?.id ?? '')).body.error.code).toBe('not_retryable');
    expect(phoneThread(t)).toEqual(['dos']);
    const after = await transcriptOf(t, ana, conversationId);
    expect(after.map((m) => [m.text, m.status, m.retryable ?? false])).toEqual([
      ['Hola, ¿y mi pedido?', undefined, false],
      ['uno', 'failed', true],
      ['dos', 'failed', false],
      ['dos', 'delivered', false],
    ]);
    // A delivered message cannot be "retried".
    expect((await retry(after[3]?.id ?? '')).body.error.code).toBe('not_retryable');
  });

  it('shows a reply WhatsApp reports failed live, with Meta’s code, and the first-response clock keeps running', async () => {
    let dropStatuses = true;
    const t = await testPlatform({}, memoryJournal(), {
      // The simulator's own "delivered" never arrives: WhatsApp reports the reply failed instead.
      wrapFetch: (next) => async (url, init) =>
        dropStatuses && url.includes('/webhooks/whatsapp') && String(init?.body).includes('"statuses"')
          ? new Response('ok')
          : next(url, init),
    });
    t.clock.set(Date.UTC(2026, 0, 5, 15, 0)); // Monday 10:00 in New York: business hours
    const { ana, conversationId } = await activeConversation(t);
    const stream = await t.listen(ana);
    const sent = await t.call('POST', `/api/conversations/${conversationId}/messages`, {
      token: ana,
      body: { text: 'Le escribo mañana' },
    });
    expect(sent.status).toBe(201);
    const met = (await t.call('GET', `/api/conversations/${conversationId}`, { token: ana })).body;
    expect(met.sla.firstResponse.state).toBe('met');

    dropStatuses = false;
    const phone = t.simulatorStore.get('phoneNumbers', DEMO.phoneNumberId);
    const simMessage = t.simulatorStore.get('messages', sent.body.wamid);
    if (!phone || !simMessage) throw new Error('fixture missing');
    t.webhooks.enqueue(statusWebhook(phone, simMessage, 'failed', t.clock.now(), 131047));
    await t.webhooks.idle();

    await stream.until((text) => text.includes('"errorCode":131047'));
    expect(stream.text()).toContain('"status":"failed"');
    const [, failed] = await transcriptOf(t, ana, conversationId);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 131047, error: 'Re-engagement message' });
    const conversation = (await t.call('GET', `/api/conversations/${conversationId}`, { token: ana })).body;
    expect(conversation.sla.firstResponse.state).toBe('active');
    t.clock.advance(31 * 60_000);
    const late = (await t.call('GET', `/api/conversations/${conversationId}`, { token: ana })).body;
    expect(late.sla.firstResponse.state).toBe('breached');
    await stream.stop();
  });

  it('says a template met by an HTTP 5xx may not have been sent, not that WhatsApp refused it', async () => {
    const t = await testPlatform({}, memoryJournal(), {
      wrapFetch: (next) => async (url, init) =>
        isSend(url, init) && String(init?.body).includes('"template"')
          ? new Response('upstream error', { status: 502 })
          : next(url, init),
    });
    const { ana, conversationId } = await activeConversation(t);
    const sent = await t.call('POST', `/api/conversations/${conversationId}/template`, {
      token: ana,
      body: { name: DEMO.templateName, language: 'en_US', parameters: ['María', 'A-1042'] },
    });
    expect([sent.status, sent.body.error]).toEqual([
      502,
      { code: 'whatsapp_unreachable', message: 'WhatsApp could not be reached; the template may not have been sent' },
    ]);
  });
});
