import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { type JournalFiles, memoryJournal } from './journal-files.ts';

/** Journal files in memory whose appends start failing like a full disk when `full` is set. */
function fillableDisk() {
  const inner = memoryJournal();
  const disk = { full: false };
  const storage: JournalFiles = {
    ...inner,
    async append(generation, text) {
      if (disk.full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      await inner.append(generation, text);
    },
  };
  return { storage, disk };
}

describe('a full disk', () => {
  it('turns into a 503 for the webhook (so Meta retries it), never a silently dropped message', async () => {
    const { storage, disk } = fillableDisk();
    const t = await testPlatform({}, storage);
    expect((await t.call('GET', '/healthz')).status).toBe(200);
    disk.full = true;
    const sent = await t.call('POST', '/simulator/api/messages', {
      body: { phoneNumberId: DEMO.phoneNumberId, from: '+34 612 345 678', name: 'María', text: 'hola' },
    });
    expect(sent.status).toBe(201); // the simulator (its own store) accepted the customer's message
    const wamid = sent.body.id as string;
    // Deliver the webhook by hand to see the receiver's answer.
    const { inboundMessageWebhook } = await import('../simulator/webhook-payloads.ts');
    const { stringifyLikeMeta } = await import('../../../shared/whatsapp/escape-json.ts');
    const { signBody } = await import('../whatsapp/signature.ts');
    const phone = t.simulatorStore.get('phoneNumbers', DEMO.phoneNumberId);
    const message = t.simulatorStore.get('messages', wamid);
    if (!phone || !message) throw new Error('simulator data missing');
    const body = stringifyLikeMeta(inboundMessageWebhook(phone, message));
    const response = await t.app.request('http://platform.test/webhooks/whatsapp', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signBody(t.config.WHATSAPP_APP_SECRET, body),
      },
      body,
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: { code: 'store_failed', message: 'The platform cannot store data right now: nothing was acknowledged' },
    });
    // The store stopped taking writes: agents get 503 too, until a restart.
    const login = await t.call('POST', '/api/auth/login', { body: { username: 'ana', password: 'loro-agent' } });
    expect(login.status).toBe(503);
    // Health says so, with the reason, so a supervisor restarts the platform.
    const health = await t.call('GET', '/healthz');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'failing' });
    expect(health.body.reason).toContain('The platform store cannot write');
    expect(health.body.reason).toContain('ENOSPC');
  });
});
