import { describe, expect, it, vi } from 'vitest';
import { stringifyLikeMeta } from '../../../shared/whatsapp/escape-json.ts';
import { RoutingPasses } from '../platform/routing-passes.ts';
import { testPlatform } from '../testing/harness.ts';
import { textWebhook } from '../testing/webhooks.ts';
import { signBody } from '../whatsapp/signature.ts';

describe('routing is scheduled, not awaited, by the webhook receiver (issue 14)', () => {
  it('answers 200 once its message is durable, while the routing pass it asked for has not run', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    const real = t.ctx.routing;
    // A pass that never finishes: the webhook must not wait for it.
    const passes = new RoutingPasses(() => new Promise<void>(() => undefined));
    const request = vi.spyOn(passes, 'request');
    t.ctx.routing = passes;

    const body = stringifyLikeMeta(textWebhook({ wamid: 'wamid.routing1', from: '34612000111', text: 'hola' }));
    const response = await t.app.request('http://platform.test/webhooks/whatsapp', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signBody(t.config.WHATSAPP_APP_SECRET, body),
      },
      body,
    });

    expect(response.status).toBe(200);
    expect(request).toHaveBeenCalledTimes(1);
    const stored = t.store.get('messages', 'wamid.routing1');
    expect(t.store.get('conversations', stored?.conversationId ?? '')?.status).toBe('queued');

    // The pass, once it runs, offers it.
    t.ctx.routing = real;
    await real.request();
    expect(t.store.get('conversations', stored?.conversationId ?? '')?.status).toBe('offered');
  });
});
