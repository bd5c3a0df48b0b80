import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { put } from './records.ts';

const newYork = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toMillis();

describe('SLA clocks on conversations (SL-1 … SL-4)', () => {
  it('counts first response and resolution in business hours, and shows met or breached', async () => {
    const t = await testPlatform();
    t.clock.set(newYork('2026-11-20T16:50')); // a Friday, ten minutes before closing
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('Friday evening question');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    // Defaults: first response 30 business minutes → 10 on Friday, 20 on Monday.
    expect(conversation.sla).toEqual({
      firstResponse: { state: 'active', dueAt: newYork('2026-11-23T09:20') },
      resolution: { state: 'active', dueAt: newYork('2026-11-23T16:50') },
    });

    // Monday: the customer writes again (the 24-hour window had closed) and Ana signs in anew.
    t.clock.set(newYork('2026-11-23T09:05'));
    await t.customerSays('Anyone there?');
    const anaMonday = await t.login('ana', 'loro-agent');
    t.clock.set(newYork('2026-11-23T09:10'));
    const reply = await t.call('POST', `/api/conversations/${conversation.id}/messages`, {
      token: anaMonday,
      body: { text: 'Good morning!' },
    });
    expect(reply.status).toBe(201);
    const answered = (await t.call('GET', `/api/conversations/${conversation.id}`, { token: anaMonday })).body;
    expect(answered.sla.firstResponse.state).toBe('met');

    t.clock.set(newYork('2026-11-23T17:00'));
    const late = (await t.call('GET', `/api/conversations/${conversation.id}`, { token: anaMonday })).body;
    expect(late.sla.resolution.state).toBe('breached');
  });

  it('follows the global SLA unless the channel has its own', async () => {
    const t = await testPlatform();
    t.clock.set(newYork('2026-11-18T10:00'));
    const admin = await t.login('admin', 'loro-admin');
    const saved = await t.call('PUT', '/api/admin/settings', {
      token: admin,
      body: { sla: { firstResponseMs: 5 * 60_000, resolutionMs: 60 * 60_000 } },
    });
    expect(saved.status).toBe(200);
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('hi');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    expect(conversation.sla.firstResponse.dueAt).toBe(newYork('2026-11-18T10:05'));

    const channel = t.store.get('channels', DEMO.channelId);
    if (!channel) throw new Error('no demo channel');
    await t.store.commit([
      put('channels', { ...channel, sla: { firstResponseMs: 2 * 60 * 60_000, resolutionMs: 8 * 60 * 60_000 } }),
    ]);
    const own = (await t.call('GET', `/api/conversations/${conversation.id}`, { token: ana })).body;
    expect(own.sla.firstResponse.dueAt).toBe(newYork('2026-11-18T12:00'));
  });

  it('validates SLA and business-hours settings, naming the field', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const tooShort = await t.call('PUT', '/api/admin/settings', {
      token: admin,
      body: { sla: { firstResponseMs: 10, resolutionMs: 60_000 } },
    });
    expect([tooShort.status, tooShort.body.error.issues[0].path]).toEqual([400, 'sla.firstResponseMs']);
    const badZone = await t.call('PUT', '/api/admin/settings', {
      token: admin,
      body: { businessHours: { timeZone: 'Nowhere/Land', week: {}, holidays: [] } },
    });
    expect([badZone.status, badZone.body.error.issues[0].path]).toEqual([400, 'businessHours.timeZone']);
    expect(t.store.get('settings', 'tenant')).toEqual({ id: 'tenant', maskSensitiveData: false });
  });
});
