import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

type Harness = Awaited<ReturnType<typeof testPlatform>>;

/** Every request the platform makes to the Cloud API, with its body. */
function watchGraph() {
  const calls: string[] = [];
  return {
    calls,
    wrapFetch:
      (next: (url: string, init?: RequestInit) => Promise<Response>) => async (url: string, init?: RequestInit) => {
        if (new URL(url).pathname.startsWith('/graph')) calls.push(`${url} ${String(init?.body ?? '')}`);
        return next(url, init);
      },
  };
}

async function accepted(t: Harness) {
  const ana = await t.login('ana', 'loro-agent');
  await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
  await t.customerSays('My parcel never came');
  const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
  const { body } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
  return { ana, id: body.id as string };
}

const note = (t: Harness, token: string, id: string, text: string) =>
  t.call('POST', `/api/conversations/${id}/notes`, { token, body: { text } });

describe('private notes (issue 16, item 3)', () => {
  it('are stored and shown to agents, never sent to WhatsApp, and move no clock', async () => {
    const graph = watchGraph();
    const t = await testPlatform({}, undefined, { wrapFetch: graph.wrapFetch });
    const { ana, id } = await accepted(t);
    const stream = await t.listen(ana);
    const before = t.store.get('conversations', id);
    const calls = graph.calls.length;
    t.clock.advance(60_000);

    const added = await note(t, ana, id, 'Customer is upset: offer refund');
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      direction: 'note',
      text: 'Customer is upset: offer refund',
      senderName: 'Ana Agent',
    });
    await stream.until((text) => text.includes('"direction":"note"'));
    await stream.stop();

    const transcript = (await t.call('GET', `/api/conversations/${id}/messages`, { token: ana })).body;
    expect(transcript.map((m: { direction: string }) => m.direction)).toEqual(['inbound', 'note']);
    // Nothing went to the Cloud API, and the customer's phone never shows it.
    await t.webhooks.idle();
    expect(graph.calls.slice(calls)).toEqual([]);
    expect(JSON.stringify(t.simulatorStore.all('messages'))).not.toContain('offer refund');
    // Neither the customer's nor the agent's message: window, SLA, customer timer and preview stay.
    const after = t.store.get('conversations', id);
    expect(after?.lastInboundAt).toBe(before?.lastInboundAt);
    expect(after?.firstResponseAt).toBeUndefined();
    expect(after?.awaitingCustomerSince).toBeUndefined();
    const view = (await t.call('GET', `/api/conversations/${id}`, { token: ana })).body;
    expect(view.lastMessage).toMatchObject({ direction: 'inbound', text: 'My parcel never came' });
    expect(view.sla.firstResponse.state).toBe('active');
    // A note cannot be quoted to WhatsApp.
    const quoting = await t.call('POST', `/api/conversations/${id}/messages`, {
      token: ana,
      body: { text: 'ok', replyToMessageId: added.body.id },
    });
    expect(quoting.status).toBe(400);
    // The watch does see sends: a reply goes out.
    await t.call('POST', `/api/conversations/${id}/messages`, { token: ana, body: { text: 'Looking into it' } });
    expect(graph.calls.slice(calls).join()).toContain('Looking into it');
  });

  it('the conference guest reads and adds them; others get 404; ended conversations refuse new ones', async () => {
    const t = await testPlatform();
    const { ana, id } = await accepted(t);
    const bruno = await t.login('bruno', 'loro-agent');
    const admin = await t.login('admin', 'loro-admin');
    expect((await note(t, bruno, id, 'not mine')).status).toBe(404);
    expect((await note(t, admin, id, 'admin')).status).toBe(403);
    expect((await note(t, ana, id, '   ')).status).toBe(400);

    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'available' } });
    await t.call('POST', `/api/conversations/${id}/conference`, { token: ana, body: { agentId: DEMO.users.bruno.id } });
    const [invitation] = (await t.call('GET', '/api/agent/offers', { token: bruno })).body;
    await t.call('POST', `/api/offers/${invitation.id}/accept`, { token: bruno });
    await note(t, ana, id, 'from the owner');
    expect((await note(t, bruno, id, 'from the guest')).status).toBe(201);
    const seen = (await t.call('GET', `/api/conversations/${id}/messages`, { token: bruno })).body
      .filter((m: { direction: string }) => m.direction === 'note')
      .map((m: { text: string; senderName: string }) => `${m.senderName}: ${m.text}`);
    expect(seen).toEqual(['Ana Agent: from the owner', 'Bruno Agent: from the guest']);

    await t.call('POST', `/api/conversations/${id}/conference/end`, { token: ana });
    await t.call('POST', `/api/conversations/${id}/end`, { token: ana, body: { closureReasonId: 'closure_resolved' } });
    expect((await note(t, ana, id, 'too late')).status).toBe(409);
    // Kept in history: the read-only transcript still has them.
    const past = await t.call('GET', `/api/past-conversations/${id}`, { token: ana });
    expect(past.body.messages.filter((m: { direction: string }) => m.direction === 'note')).toHaveLength(2);
    const history = (await t.call('GET', '/api/history', { token: ana })).body;
    expect(history[0].lastMessage).toBe('My parcel never came');
  });
});
