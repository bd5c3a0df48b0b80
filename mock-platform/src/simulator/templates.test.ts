import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { whatsappFixtures } from '../testing/fixtures.ts';
import { testPlatform } from '../testing/harness.ts';

const creations = whatsappFixtures('template_create_create_')
  // Meta's flow examples leave the name as a placeholder: fill it.
  .map(([name, raw]) => [name, raw.replaceAll('<TEMPLATE_NAME>', 'flow_offer')] as const);

const reminder = {
  name: 'appointment_reminder',
  language: 'es',
  category: 'UTILITY',
  components: [
    {
      type: 'BODY',
      text: 'Hola {{1}}, le esperamos el {{2}}.',
      example: { body_text: [['Lucía', 'lunes a las 10:00']] },
    },
    { type: 'FOOTER', text: 'Loro Demo Store' },
  ],
};

afterEach(() => vi.restoreAllMocks());

describe('message templates on the Cloud API simulator (TP-1)', () => {
  it.each(creations)('accepts Meta’s example %s as PENDING', async (_name, raw) => {
    const t = await testPlatform();
    const created = await t.graph('POST', `/${DEMO.wabaId}/message_templates`, raw);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      status: 'PENDING',
      category: JSON.parse(raw).category,
    });
    const again = await t.graph('POST', `/${DEMO.wabaId}/message_templates`, raw);
    expect([again.status, again.body.error.code]).toEqual([400, 100]);
  });

  it.each([
    [
      'an uppercase name',
      { ...reminder, name: 'Reminder' },
      'name: name must be lowercase letters, digits and underscores',
    ],
    [
      'variables without examples',
      { ...reminder, components: [{ type: 'BODY', text: 'Hola {{1}}' }] },
      'components: BODY has 1 variables: example.body_text must give 1 sample values',
    ],
    [
      'variables out of order',
      { ...reminder, components: [{ type: 'BODY', text: 'Hola {{2}}', example: { body_text: [['x']] } }] },
      'components: BODY variables must be numbered {{1}}, {{2}}… without gaps',
    ],
    [
      'no body',
      { ...reminder, components: [{ type: 'FOOTER', text: 'x' }] },
      'components: exactly one BODY component is required',
    ],
    ['an unknown category', { ...reminder, category: 'SPAM' }, 'category'],
  ])('refuses %s with code 100 naming the rule', async (_label, body, details) => {
    const t = await testPlatform();
    const refused = await t.graph('POST', `/${DEMO.wabaId}/message_templates`, body);
    expect([refused.status, refused.body.error.code]).toEqual([400, 100]);
    expect(refused.body.error.error_data.details).toContain(details.split(': ')[0]);
    if (details.includes(': ')) expect(refused.body.error.error_data.details).toContain(details.split(': ')[1]);
  });

  it('is reviewed by "WhatsApp": approved templates reach agents, paused and rejected ones do not; status webhooks reach the platform', async () => {
    const t = await testPlatform();
    const logged: string[] = [];
    vi.spyOn(console, 'info').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('hola');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    const names = async () =>
      (await t.call('GET', `/api/conversations/${conversation.id}/templates`, { token: ana })).body.map(
        (template: { name: string }) => template.name,
      );

    const { body: created } = await t.graph('POST', `/${DEMO.wabaId}/message_templates`, reminder);
    expect(await names()).not.toContain('appointment_reminder');
    // Not approved yet: WhatsApp refuses to send it.
    const pending = await t.graph('POST', `/${DEMO.phoneNumberId}/messages`, {
      messaging_product: 'whatsapp',
      to: '+34612345678',
      type: 'template',
      template: {
        name: 'appointment_reminder',
        language: { code: 'es' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'a' },
              { type: 'text', text: 'b' },
            ],
          },
        ],
      },
    });
    expect([pending.body.error.code, pending.body.error.error_data.details]).toEqual([
      132001,
      'template name (appointment_reminder) does not exist in es (it is PENDING)',
    ]);

    const review = (decision: string, reason?: string) =>
      t.call('POST', `/simulator/api/templates/${created.id}/review`, {
        body: { decision, ...(reason ? { reason } : {}) },
      });
    expect((await review('APPROVED')).body.status).toBe('APPROVED');
    await t.webhooks.idle();
    expect(logged.join('\n')).toContain(
      'acknowledged a message_template_status_update update for account 100000000000001: event=APPROVED message_template_name=appointment_reminder message_template_language=es',
    );
    expect(await names()).toContain('appointment_reminder');
    const sent = await t.call('POST', `/api/conversations/${conversation.id}/template`, {
      token: ana,
      body: { name: 'appointment_reminder', language: 'es', parameters: ['María', 'martes'] },
    });
    expect(sent.body.text).toBe('Hola María, le esperamos el martes.');

    // A RED quality score pauses it: WhatsApp refuses it with 132015.
    expect(
      (await t.call('POST', `/simulator/api/templates/${created.id}/quality`, { body: { score: 'RED' } })).body.status,
    ).toBe('PAUSED');
    const paused = await t.graph('POST', `/${DEMO.phoneNumberId}/messages`, {
      messaging_product: 'whatsapp',
      to: '+34612345678',
      type: 'template',
      template: {
        name: 'appointment_reminder',
        language: { code: 'es' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'a' },
              { type: 'text', text: 'b' },
            ],
          },
        ],
      },
    });
    expect(paused.body.error.code).toBe(132015);
    expect(await names()).not.toContain('appointment_reminder');

    // An edit sends it back to review; deleting it removes it.
    const edited = await t.graph('POST', `/${created.id}`, { components: reminder.components.slice(0, 1) });
    expect(edited.body).toEqual({ success: true });
    const listed = await t.graph('GET', `/${DEMO.wabaId}/message_templates?name=appointment_reminder`);
    expect(listed.body.data).toEqual([expect.objectContaining({ status: 'PENDING', quality_score: { score: 'RED' } })]);
    expect((await review('REJECTED', 'INVALID_FORMAT')).body).toMatchObject({
      status: 'REJECTED',
      rejectedReason: 'INVALID_FORMAT',
    });
    expect((await t.graph('DELETE', `/${DEMO.wabaId}/message_templates?name=appointment_reminder`)).body).toEqual({
      success: true,
    });
    expect((await t.graph('GET', `/${DEMO.wabaId}/message_templates?name=appointment_reminder`)).body.data).toEqual([]);
  });

  it('is created from the simulator’s WhatsApp Manager page too, with the same rules', async () => {
    const t = await testPlatform();
    const page = await t.app.request('http://platform.test/simulator/business');
    // The page is the built `whatsapp-manager` entry, with Meta's languages as its data.
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/assets/whatsapp-manager-test.js"></script>');
    expect(html).toContain('{"code":"es_MX","name":"Spanish (MEX)"}');
    const created = await t.call('POST', '/simulator/api/templates', {
      body: { wabaId: DEMO.wabaId, template: reminder },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'appointment_reminder', status: 'PENDING' });
    const again = await t.call('POST', '/simulator/api/templates', {
      body: { wabaId: DEMO.wabaId, template: reminder },
    });
    expect(again.body.error.message).toBe('Message template "appointment_reminder" already exists in es');
    const invalid = await t.call('POST', '/simulator/api/templates', {
      body: { wabaId: DEMO.wabaId, template: { ...reminder, name: 'Bad Name' } },
    });
    expect(invalid.body.error.issues[0]).toEqual({
      path: 'template.name',
      message: 'name must be lowercase letters, digits and underscores',
    });
  });
});
