import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { put } from './records.ts';

describe('sending templates from a conversation (CH-7, TP-2, TP-4)', () => {
  it('lists the account’s approved templates and sends one after the 24-hour window closed', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('where is my order?');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });

    const templates = (await t.call('GET', `/api/conversations/${conversation.id}/templates`, { token: ana })).body;
    expect(templates).toEqual([
      {
        name: DEMO.templateName,
        language: 'en_US',
        category: 'UTILITY',
        body: 'Hello {{1}}, your order {{2}} has shipped.',
        variables: 2,
      },
      {
        name: DEMO.surveyTemplateName,
        language: 'en_US',
        category: 'UTILITY',
        body: 'Thank you, {{1}}! How did we do? Reply with a number from 1 (poor) to 5 (great).',
        variables: 1,
      },
    ]);

    t.clock.advance(25 * 60 * 60_000);
    const anaLater = await t.login('ana', 'loro-agent');
    const text = await t.call('POST', `/api/conversations/${conversation.id}/messages`, {
      token: anaLater,
      body: { text: 'hi' },
    });
    expect(text.body.error.code).toBe('window_closed');
    const sent = await t.call('POST', `/api/conversations/${conversation.id}/template`, {
      token: anaLater,
      body: { name: DEMO.templateName, language: 'en_US', parameters: ['María', 'A-1042'] },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ direction: 'outbound', text: 'Hello María, your order A-1042 has shipped.' });
    await t.webhooks.idle();
    const phone = (await t.call('GET', `/simulator/api/threads/${DEMO.phoneNumberId}/+34612345678/messages`)).body;
    expect(phone.at(-1)).toMatchObject({
      type: 'template',
      text: 'Hello María, your order A-1042 has shipped.',
      status: 'delivered',
    });
  });

  it('names the field when the template is unknown or the variables do not fit', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('hi');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    const send = (body: unknown) =>
      t.call('POST', `/api/conversations/${conversation.id}/template`, { token: ana, body });
    const unknown = await send({ name: 'nope', language: 'en_US', parameters: [] });
    expect([unknown.status, unknown.body.error.issues[0].path]).toEqual([400, 'name']);
    const short = await send({ name: DEMO.templateName, language: 'en_US', parameters: ['María'] });
    expect([short.status, short.body.error.issues[0].path]).toEqual([400, 'parameters']);
    const blank = await send({ name: DEMO.templateName, language: 'en_US', parameters: ['María', ' '] });
    expect([blank.status, blank.body.error.issues[0].path]).toEqual([400, 'parameters.1']);
    expect(t.store.where('messages', 'conversationId', conversation.id)).toHaveLength(1);
  });

  it('sends the channel’s satisfaction survey at the end and stores the answer with the conversation (TP-4)', async () => {
    const t = await testPlatform();
    const channel = t.store.get('channels', DEMO.channelId);
    if (!channel) throw new Error('no demo channel');
    await t.store.commit([
      put('channels', { ...channel, surveyTemplate: { name: DEMO.surveyTemplateName, language: 'en_US' } }),
    ]);
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('hi');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    t.clock.advance(30 * 60 * 60_000); // long after the 24-hour window: a template still goes out
    const anaLater = await t.login('ana', 'loro-agent');
    await t.call('POST', `/api/conversations/${conversation.id}/end`, {
      token: anaLater,
      body: { closureReasonId: 'closure_resolved' },
    });
    await t.webhooks.idle();

    const phone = (await t.call('GET', `/simulator/api/threads/${DEMO.phoneNumberId}/+34612345678/messages`)).body;
    const survey = phone.at(-1);
    expect(survey).toMatchObject({
      type: 'template',
      text: 'Thank you, María García! How did we do? Reply with a number from 1 (poor) to 5 (great).',
    });
    expect(t.store.get('conversations', conversation.id)?.survey).toMatchObject({ messageId: survey.id });

    // The customer replies to the survey: the answer joins the ended conversation, no new one opens.
    await t.call('POST', '/simulator/api/messages', {
      body: {
        phoneNumberId: DEMO.phoneNumberId,
        from: '+34 612 345 678',
        name: 'María García',
        text: '5, thank you!',
        replyTo: survey.id,
      },
    });
    await t.webhooks.idle();
    expect(t.store.get('conversations', conversation.id)?.survey).toMatchObject({ answer: '5, thank you!' });
    expect(t.store.where('conversations', 'customerWaId', '34612345678')).toHaveLength(1);

    // Something else later is a new contact.
    await t.customerSays('I have another question');
    expect(t.store.where('conversations', 'customerWaId', '34612345678')).toHaveLength(2);
  });
});
