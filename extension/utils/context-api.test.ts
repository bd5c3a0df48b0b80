import { describe, expect, it } from 'vitest';
import { DEMO } from '../../mock-platform/src/seed/demo-tenant.ts';
import { testPlatform } from '../../mock-platform/src/testing/harness.ts';
import { contextApi } from './context-api.ts';
import { deskApi } from './desk-api.ts';
import type { Session } from './storage.ts';

describe('contextApi (the customer context through hc<AgentApi>)', () => {
  it('adds a note, tags the customer and untags her, then reads the ended conversation', async () => {
    const t = await testPlatform();
    const token = await t.login(DEMO.users.ana.username, DEMO.users.ana.password);
    const session: Session = {
      token,
      expiresAt: t.clock.now() + 60_000,
      platformUrl: 'http://platform.test',
      user: { id: DEMO.users.ana.id, username: 'ana', displayName: 'Ana', role: 'agent' },
    };
    const fetch = async (url: string, init?: RequestInit) => t.app.request(url, init);
    const desk = deskApi(session, fetch);
    const context = contextApi(session, fetch);
    await desk.changeState('available');
    await t.customerSays('hello');
    const offered = t.ctx.store.all('offers').find((offer) => offer.agentId === DEMO.users.ana.id);
    if (!offered) throw new Error('no offer');
    const conversation = await desk.accept(offered.id);

    expect(await context.addNote(conversation.id, 'Asked about her order')).toMatchObject({ direction: 'note' });
    expect((await context.addTag(conversation.id, 'vip client')).tags).toEqual(['vip client']);
    expect((await context.removeTag(conversation.id, 'vip client')).tags).toEqual([]);
    expect((await context.customer(conversation.id)).tags).toEqual([]);

    const [reason] = await desk.closureReasons();
    if (!reason) throw new Error('no closure reason');
    await desk.end(conversation.id, { closureReasonId: reason.id });
    const past = await context.past(conversation.id);
    expect(past.messages.map((message) => message.text)).toContain('hello');
  });
});
