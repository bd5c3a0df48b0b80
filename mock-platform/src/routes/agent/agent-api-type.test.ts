import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../seed/demo-tenant.ts';
import { testPlatform } from '../../testing/harness.ts';
import type { AgentApi } from './index.ts';

/** A typed client built from the routes' own types, calling the app in memory. */
async function agentClient() {
  const t = await testPlatform();
  const token = await t.login(DEMO.users.ana.username, DEMO.users.ana.password);
  const client = hc<AgentApi>('http://platform.test/api', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => t.app.request(input, init),
    headers: { authorization: `Bearer ${token}` },
  });
  return { t, client };
}

describe('the agent API’s typed contract (AgentApi)', () => {
  it('types the paths, parameters, bodies and answers of the routes', async () => {
    const { t, client } = await agentClient();
    const me = await client.me.$get();
    expect(me.status).toBe(200);
    if (me.status !== 200) return;
    // `user.username` is known to TypeScript here: no cast, no hand-written type.
    expect((await me.json()).user.username).toBe('ana');

    const state = await client.agent.state.$put({ json: { state: 'available' } });
    expect(state.status).toBe(200);
    await t.customerSays('hello');
    const offers = await client.agent.offers.$get();
    if (offers.status !== 200) throw new Error(`offers answered ${offers.status}`);
    const [offer] = await offers.json();
    if (!offer) throw new Error('no offer');
    const accepted = await client.offers[':id'].accept.$post({ param: { id: offer.id } });
    if (accepted.status !== 200) throw new Error(`accept answered ${accepted.status}`);
    const conversation = await accepted.json();
    const reply = await client.conversations[':id'].messages.$post({
      param: { id: conversation.id },
      json: { text: 'Hi, how can I help?' },
    });
    expect(reply.status).toBe(201);
    const transcript = await client.conversations[':id'].messages.$get({ param: { id: conversation.id } });
    if (transcript.status !== 200) throw new Error(`transcript answered ${transcript.status}`);
    expect((await transcript.json()).map((message) => message.text)).toEqual(['hello', 'Hi, how can I help?']);
  });
});
