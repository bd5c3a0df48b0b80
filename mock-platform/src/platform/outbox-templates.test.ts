import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { statusWebhook } from '../simulator/webhook-payloads.ts';
import { memoryJournal } from '../store/journal-files.ts';
import { testPlatform } from '../testing/harness.ts';
import type { FetchLike } from '../whatsapp/graph-client.ts';
import { put } from './records.ts';

type Platform = Awaited<ReturnType<typeof testPlatform>>;

const isSend = (url: string, init?: RequestInit) =>
  url.includes('/messages') && init?.method === 'POST' && !String(init.body).includes('"status":"read"');

/** The platform's outbound messages as the store holds them, oldest first. */
const outbound = (t: Platform) =>
  t.store
    .all('messages')
    .filter((m) => m.direction === 'outbound')
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));

/** A Cloud API that answers every send with an HTTP 500 after WhatsApp took it (or not: nobody knows). */
const failingSends =
  (seen: string[][], t: () => Platform) =>
  (next: FetchLike): FetchLike =>
  async (url, init) => {
    if (!isSend(url, init)) return next(url, init);
    // What the platform had recorded when the Cloud API heard of the message.
    seen.push(outbound(t()).map((m) => `${m.type} ${m.status}`));
    return new Response(JSON.stringify({ error: { message: 'Service unavailable', code: 2 } }), { status: 500 });
  };

async function activeConversation(t: Platform) {
  const ana = await t.login('ana', 'loro-agent');
  await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
  await t.customerSays('Hola, ¿y mi pedido?');
  const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
  const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
  return { ana, conversationId: conversation.id as string };
}

const picked = { name: DEMO.templateName, language: 'en_US', parameters: ['María', 'A-1042'] };

describe('every Cloud API send goes through the outbox, not only replies', () => {
  it('a template from the picker: a stop between "sending" and the answer leaves it shown, never sent twice', async () => {
    const files = memoryJournal();
    let crashDisk: Map<string, string> | undefined;
    const t = await testPlatform({}, files, {
      wrapFetch: (next) => async (url, init) => {
        if (url.includes('/webhooks/whatsapp') && String(init?.body).includes('"statuses"')) return new Response('ok');
        if (!isSend(url, init) || crashDisk) return next(url, init);
        await next(url, init); // WhatsApp takes it...
        crashDisk = new Map(files.disk); // ...and the platform dies before reading the answer.
        return new Promise<Response>(() => undefined);
      },
    });
    const { ana, conversationId } = await activeConversation(t);
    void t.call('POST', `/api/conversations/${conversationId}/template`, { token: ana, body: picked });
    for (let i = 0; i < 200 && !crashDisk; i++) await new Promise((resolve) => setImmediate(resolve));
    if (!crashDisk) throw new Error('the template never reached WhatsApp');

    const sends: string[] = [];
    const restarted = await testPlatform({}, memoryJournal(crashDisk), {
      wrapFetch: (next) => async (url, init) => {
        if (isSend(url, init)) sends.push(String(init?.body));
        return next(url, init);
      },
    });
    expect(await restarted.recovered).toBe(1);
    const token = await restarted.login('ana', 'loro-agent');
    const transcript = (await restarted.call('GET', `/api/conversations/${conversationId}/messages`, { token })).body;
    const template = transcript.at(-1);
    expect(template).toMatchObject({
      text: 'Hello María, your order A-1042 has shipped.',
      status: 'failed',
      uncertain: true,
      error: 'WhatsApp could not be reached; the message may not have been sent',
    });
    expect(template).not.toHaveProperty('retryable');
    restarted.clock.advance(10 * 60_000);
    await restarted.sweep();
    expect(sends).toEqual([]);

    // WhatsApp did take it: its status webhook carries the template's own id and lifts the doubt.
    const phone = t.simulatorStore.get('phoneNumbers', DEMO.phoneNumberId);
    const onPhone = t.simulatorStore.all('messages').find((m) => m.text === template.text);
    if (!phone || !onPhone) throw new Error('fixture missing');
    expect(onPhone.callbackData).toBe(template.id);
    restarted.webhooks.enqueue(statusWebhook(phone, onPhone, 'delivered', restarted.clock.now()));
    await restarted.webhooks.idle();
    const after = (await restarted.call('GET', `/api/conversations/${conversationId}/messages`, { token })).body;
    expect(after.at(-1)).toMatchObject({ id: template.id, status: 'delivered', wamid: onPhone.id });
  });

  it('a template WhatsApp does not answer (HTTP 500): recorded first, then "may not have been sent"', async () => {
    const seen: string[][] = [];
    const t: Platform = await testPlatform({}, memoryJournal(), { wrapFetch: failingSends(seen, () => t) });
    const { ana, conversationId } = await activeConversation(t);
    const sent = await t.call('POST', `/api/conversations/${conversationId}/template`, { token: ana, body: picked });
    expect([sent.status, sent.body.error.code, sent.body.error.message]).toEqual([
      502,
      'whatsapp_unreachable',
      'WhatsApp could not be reached; the template may not have been sent',
    ]);
    expect(seen).toEqual([['template sending']]);
    expect(outbound(t).map((m) => [m.type, m.status, m.uncertain])).toEqual([['template', 'failed', true]]);
  });

  it('the queue time-out’s automatic message: recorded first, then "may not have been sent", never sent again', async () => {
    const seen: string[][] = [];
    const t: Platform = await testPlatform({}, memoryJournal(), { wrapFetch: failingSends(seen, () => t) });
    const skill = t.store.get('skills', DEMO.skillId);
    if (!skill) throw new Error('fixture missing');
    await t.store.commit([put('skills', { ...skill, queueTimeoutSeconds: 60, queueTimeoutMessage: 'Busy.' })]);
    await t.customerSays('hello');
    t.clock.advance(60_000);
    await t.sweep();
    t.clock.advance(60_000);
    await t.sweep();
    expect(seen).toEqual([['text sending']]);
    expect(outbound(t).map((m) => [m.text, m.status, m.uncertain, m.automatic])).toEqual([
      ['Busy.', 'failed', true, true],
    ]);
    const notes = t.store.all('messages').filter((m) => m.direction === 'system');
    expect(notes.at(-1)?.text).toBe('The automatic message may not have been sent: WhatsApp could not be reached');
  });

  it('starting a conversation: a template without an answer keeps the conversation, marked "may not have been sent"', async () => {
    const seen: string[][] = [];
    const t: Platform = await testPlatform({}, memoryJournal(), { wrapFetch: failingSends(seen, () => t) });
    const ana = await t.login('ana', 'loro-agent');
    await t.call('POST', '/simulator/api/consent', {
      body: { phoneNumberId: DEMO.phoneNumberId, from: '+34 699 000 111', optIn: true },
    });
    const started = await t.call('POST', '/api/outbound', {
      token: ana,
      body: { channelId: DEMO.channelId, to: '+34 699 000 111', template: picked },
    });
    expect(started.status).toBe(201);
    expect(seen).toEqual([['template sending']]);
    const transcript = (await t.call('GET', `/api/conversations/${started.body.id}/messages`, { token: ana })).body;
    expect(transcript).toEqual([
      expect.objectContaining({
        text: 'Hello María, your order A-1042 has shipped.',
        status: 'failed',
        uncertain: true,
      }),
    ]);
  });

  it('the closure survey: recorded before it is sent, and remembered by the id the customer’s answer quotes', async () => {
    const seen: string[][] = [];
    const t: Platform = await testPlatform({}, memoryJournal(), {
      wrapFetch: (next) => async (url, init) => {
        if (isSend(url, init) && String(init?.body).includes(DEMO.surveyTemplateName))
          seen.push(outbound(t).map((m) => `${m.type} ${m.status}`));
        return next(url, init);
      },
    });
    const { ana, conversationId } = await activeConversation(t);
    const channel = t.store.get('channels', DEMO.channelId);
    if (!channel) throw new Error('fixture missing');
    await t.store.commit([
      put('channels', { ...channel, surveyTemplate: { name: DEMO.surveyTemplateName, language: 'en_US' } }),
    ]);
    const ended = await t.call('POST', `/api/conversations/${conversationId}/end`, {
      token: ana,
      body: { closureReasonId: 'closure_resolved' },
    });
    expect(ended.status).toBe(200);
    await t.webhooks.idle();
    expect(seen).toEqual([['template sending']]);
    const survey = t.store.get('conversations', conversationId)?.survey;
    const stored = outbound(t).at(-1);
    expect(survey?.messageId).toBe(stored?.wamid);
  });
});
