import { describe, expect, it } from 'vitest';
import { DEMO } from '../../mock-platform/src/seed/demo-tenant.ts';
import { testPlatform } from '../../mock-platform/src/testing/harness.ts';
import { agentClient } from './agent-client.ts';
import { PlatformError } from './api-client.ts';
import { deskApi } from './desk-api.ts';
import type { Session } from './storage.ts';

const PLATFORM = 'http://platform.test';

/** The desk's calls against an in-memory platform: the typed client's URLs must be the routes'. */
async function signedInDesk() {
  const t = await testPlatform();
  const token = await t.login(DEMO.users.ana.username, DEMO.users.ana.password);
  const session: Session = {
    token,
    expiresAt: t.clock.now() + 60_000,
    platformUrl: `${PLATFORM}/`,
    user: { id: DEMO.users.ana.id, username: 'ana', displayName: 'Ana', role: 'agent' },
  };
  const fetch = async (url: string, init?: RequestInit) => t.app.request(url, init);
  return { t, session, fetch, desk: deskApi(session, fetch) };
}

describe('deskApi (the side panel’s calls through hc<AgentApi>)', () => {
  it('goes Available, accepts an offer, replies, reads the transcript and ends with a closure reason', async () => {
    const { t, session, fetch, desk } = await signedInDesk();
    expect((await desk.changeState('available')).state).toBe('available');
    await t.customerSays('hello');
    const offers = await agentClient(session, fetch).agent.offers.$get();
    if (offers.status !== 200) throw new Error(`offers answered ${offers.status}`);
    const [offer] = await offers.json();
    if (!offer) throw new Error('no offer');

    const conversation = await desk.accept(offer.id);
    await desk.typing(conversation.id);
    const reply = await desk.reply(conversation.id, 'Hi, how can I help?');
    expect(reply).toMatchObject({ direction: 'outbound', text: 'Hi, how can I help?' });
    expect((await desk.messages(conversation.id)).map((message) => message.text)).toEqual([
      'hello',
      'Hi, how can I help?',
    ]);
    const [reason] = await desk.closureReasons();
    if (!reason) throw new Error('no closure reason');
    const ended = await desk.end(conversation.id, { closureReasonId: reason.id });
    expect(ended.id).toBe(conversation.id);
    expect((await desk.history('')).map((entry) => entry.conversationId)).toContain(conversation.id);
  });

  it('sends query and path parameters as the routes declare them', async () => {
    const { desk } = await signedInDesk();
    const [channel] = await desk.channels();
    if (!channel) throw new Error('no channel');
    expect((await desk.channelTemplates(channel.id)).map((template) => template.name)).toContain('order_update');
    expect(await desk.history('  nobody  ')).toEqual([]);
  });

  it('turns a refusal into a PlatformError with the platform’s code, and an unreachable platform into status 0', async () => {
    const { session, desk } = await signedInDesk();
    const refused = await desk.accept('offer_unknown').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PlatformError);
    expect(refused).toMatchObject({ status: 404, code: 'not_found' });
    await expect(desk.reject('offer_unknown')).rejects.toMatchObject({ status: 404 });
    // Path parameters are encoded: an id with `/`, `?` or `#` still reaches the offer route.
    const odd = await desk.accept('offer/../x?#').catch((error: unknown) => error);
    expect(odd).toMatchObject({ status: 404, code: 'not_found' });
    expect((odd as PlatformError).message).not.toMatch(/No route/);

    const down = deskApi(session, async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(down.closureReasons()).rejects.toMatchObject({ status: 0, code: 'unreachable' });
  });

  it('refuses an answer its shared schema does not describe', async () => {
    const { session } = await signedInDesk();
    const desk = deskApi(session, async () => Response.json([{ id: 7 }]));
    await expect(desk.closureReasons()).rejects.toMatchObject({ code: 'bad_response' });
  });
});
