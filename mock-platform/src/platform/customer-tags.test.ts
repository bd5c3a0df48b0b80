import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

describe('tag changes reach the other participant live (issue 16 item 4)', () => {
  it('pushes the customer’s tags to the conference guest and the host, without personal data', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('My parcel never came');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'available' } });
    await t.call('POST', `/api/conversations/${conversation.id}/conference`, {
      token: ana,
      body: { agentId: DEMO.users.bruno.id },
    });
    const [invitation] = (await t.call('GET', '/api/agent/offers', { token: bruno })).body;
    await t.call('POST', `/api/offers/${invitation.id}/accept`, { token: bruno });

    const guest = await t.listen(bruno);
    const host = await t.listen(ana);
    const added = await t.call('POST', `/api/conversations/${conversation.id}/customer/tags`, {
      token: ana,
      body: { tag: 'vip' },
    });
    expect(added.status).toBe(200);
    const frame = `event: customer.tags\ndata: ${JSON.stringify({ conversationId: conversation.id, tags: ['vip'] })}`;
    await guest.until((text) => text.includes(frame));

    // The guest removes it: the host's view follows.
    await t.call('DELETE', `/api/conversations/${conversation.id}/customer/tags/vip`, { token: bruno });
    const removed = `event: customer.tags\ndata: ${JSON.stringify({ conversationId: conversation.id, tags: [] })}`;
    await host.until((text) => text.includes(removed));
    await guest.stop();
    await host.stop();
    // Only the conversation and the tags travel: no name or number.
    expect(guest.text()).not.toMatch(/customer\.tags\ndata: [^\n]*(María|612)/);
  });
});
