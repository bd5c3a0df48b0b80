import { afterEach, describe, expect, it, vi } from 'vitest';
import { stringifyLikeMeta } from '../../../shared/whatsapp/escape-json.ts';
import { DEMO } from '../seed/demo-tenant.ts';
import { whatsappFixtures } from '../testing/fixtures.ts';
import { testPlatform } from '../testing/harness.ts';
import { signBody } from '../whatsapp/signature.ts';

const webhooks = whatsappFixtures('webhook_');

afterEach(() => vi.restoreAllMocks());

describe('the receiver takes every one of Meta’s example webhooks', () => {
  it('turns each message type into text an agent can read', async () => {
    const t = await testPlatform();
    const texts: Record<string, string> = {};
    for (const [name, raw] of webhooks) {
      if (!raw.includes('"messages"')) continue;
      // Some of Meta's examples share a message id: give each its own.
      const body = JSON.parse(raw.replaceAll('106540352242922', DEMO.phoneNumberId));
      const id = `wamid.${name}`;
      body.entry[0].changes[0].value.messages[0].id = id;
      const text = stringifyLikeMeta(body);
      await t.app.request('http://platform.test/webhooks/whatsapp', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': signBody(t.config.WHATSAPP_APP_SECRET, text),
        },
        body: text,
      });
      texts[name.replace(/^webhook_|\.json$/g, '')] = t.store.get('messages', id)?.text ?? '(missing)';
    }
    expect(texts).toMatchObject({
      interactive_button_reply_message: expect.not.stringMatching(/^\[/),
      reaction_message: expect.stringContaining('(reaction)'),
      location_message: expect.stringMatching(/^📍 /),
      order_message: expect.stringMatching(/^🛒 /),
      unsupported_message: '[unsupported: Message type unknown]',
      system_message: 'User Sheena Nelson changed from 16505551234 to 12195555358',
    });
  });

  it('has the examples', () => expect(webhooks.length).toBeGreaterThanOrEqual(16));

  it.each(webhooks)(
    '%s: accepted when signed, refused when not, stored once when delivered twice',
    async (_name, raw) => {
      const t = await testPlatform();
      const logged: string[] = [];
      vi.spyOn(console, 'info').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
      // Meta's examples name their own number: point them at the demo channel.
      const body = JSON.parse(raw.replaceAll('106540352242922', DEMO.phoneNumberId));
      const text = stringifyLikeMeta(body);
      const post = (signature: string) =>
        t.app.request('http://platform.test/webhooks/whatsapp', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
          body: text,
        });
      expect((await post('sha256=0000')).status).toBe(401);
      const signature = signBody(t.config.WHATSAPP_APP_SECRET, text);
      expect((await post(signature)).status).toBe(200);
      expect((await post(signature)).status).toBe(200);

      const change = body.entry[0].changes[0];
      if (change.field !== 'messages') {
        expect(logged.join('\n')).toContain(`acknowledged a ${change.field} update`);
        return;
      }
      expect(change.value.messages.length).toBeGreaterThan(0);
      for (const message of change.value.messages) {
        if (message.type === 'system') {
          // A notice opens no conversation (this customer has none): the customer is moved instead.
          expect(t.store.get('messages', message.id)).toBeUndefined();
          if (message.system.type === 'user_changed_number') {
            expect(t.store.where('conversations', 'customerWaId', message.from)).toHaveLength(0);
          }
          continue;
        }
        const stored = t.store.get('messages', message.id);
        expect(stored, message.id).toBeDefined();
        expect(stored?.text).toMatch(/\S/);
        expect(stored?.type).toBe(message.type);
        const transcript = t.store.where('messages', 'conversationId', stored?.conversationId ?? '');
        expect(transcript.filter((m) => m.id === message.id)).toHaveLength(1);
      }
    },
  );
});
