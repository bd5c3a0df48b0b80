import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { memoryJournal } from '../store/journal-files.ts';
import { testPlatform } from '../testing/harness.ts';
import type { FetchLike } from '../whatsapp/graph-client.ts';

const META = 'http://meta.test';
const PLATFORM = 'http://loro.test';
type Instance = Awaited<ReturnType<typeof testPlatform>>;

/**
 * Two instances: one plays Meta (its embedded simulator is the Cloud API), the other is the
 * platform pointed at it with GRAPH_BASE_URL, and Meta's webhooks go to the platform.
 */
async function twoInstances(refuse?: (url: string, init?: RequestInit) => Response | undefined) {
  const calls: string[] = [];
  let platform: Instance | undefined;
  const toPlatform: FetchLike = async (url, init) => {
    if (!platform) throw new Error('platform not started');
    return await platform.app.request(url.replace(PLATFORM, 'http://platform.test'), init);
  };
  const meta = await testPlatform({ SIMULATOR_WEBHOOK_URL: `${PLATFORM}/webhooks/whatsapp` }, memoryJournal(), {
    wrapFetch: (next) => (url, init) => (url.startsWith(PLATFORM) ? toPlatform(url, init) : next(url, init)),
  });
  platform = await testPlatform({ GRAPH_BASE_URL: `${META}/graph` }, memoryJournal(), {
    wrapFetch: (next) => async (url, init) => {
      if (!url.startsWith(META)) return next(url, init);
      calls.push(`${init?.method ?? 'GET'} ${url.slice(META.length)}`);
      return refuse?.(url, init) ?? meta.app.request(url.replace(META, 'http://platform.test'), init);
    },
  });
  return { meta, platform, calls };
}

const channelBody = {
  phoneNumberId: DEMO.spareNumber.phoneNumberId,
  name: 'Ventas',
  defaultSkillId: DEMO.skillId,
  routingMode: 'queues',
};

describe('connecting a channel against the real Cloud API (GRAPH_BASE_URL)', () => {
  it('subscribes the app to the account (POST /{waba-id}/subscribed_apps), so Meta’s webhooks reach the platform', async () => {
    const { meta, platform, calls } = await twoInstances();
    // A new account at Meta: no app subscribed, so nothing is sent anywhere.
    await meta.graph('DELETE', `/${DEMO.wabaId}/subscribed_apps`);
    expect((await meta.graph('GET', `/${DEMO.wabaId}/subscribed_apps`)).body).toEqual({ data: [] });

    const admin = await platform.login('admin', 'loro-admin');
    const created = await platform.call('POST', '/api/admin/channels', { token: admin, body: channelBody });
    expect(created.status).toBe(201);
    expect(calls).toContain(`POST /graph/v23.0/${DEMO.wabaId}/subscribed_apps`);
    expect((await meta.graph('GET', `/${DEMO.wabaId}/subscribed_apps`)).body.data).toHaveLength(1);

    // A customer writes to the number at Meta: the platform instance receives it on its channel.
    await meta.customerSays('hola', '+34 612 345 678', 'María', DEMO.spareNumber.phoneNumberId);
    await platform.webhooks.idle();
    await platform.ctx.routing.idle();
    expect(platform.store.all('conversations')).toEqual([expect.objectContaining({ channelId: created.body.id })]);
  });

  it('creates nothing and tells the administrator why when Meta refuses the subscription', async () => {
    const { platform } = await twoInstances((url, init) =>
      url.endsWith('/subscribed_apps') && init?.method === 'POST'
        ? Response.json(
            {
              error: {
                message: '(#200) Permissions error',
                type: 'OAuthException',
                code: 200,
                fbtrace_id: 'AbCdEf',
              },
            },
            { status: 403 },
          )
        : undefined,
    );
    const admin = await platform.login('admin', 'loro-admin');
    const refused = await platform.call('POST', '/api/admin/channels', { token: admin, body: channelBody });
    expect(refused.status).toBe(502);
    const message =
      'WhatsApp refused to send this platform the account’s messages (subscribed_apps): (#200) Permissions error';
    expect(refused.body.error).toEqual({
      code: 'whatsapp_subscription_failed',
      message,
      issues: [{ path: 'phoneNumberId', message }],
    });
    expect(platform.store.all('channels').filter((c) => c.phoneNumberId === DEMO.spareNumber.phoneNumberId)).toEqual(
      [],
    );
  });

  it('says so when Meta cannot be reached, and field errors come first', async () => {
    const { platform } = await twoInstances((url) =>
      url.endsWith('/subscribed_apps') ? new Response('bad gateway', { status: 502 }) : undefined,
    );
    const admin = await platform.login('admin', 'loro-admin');
    const wrongSkill = await platform.call('POST', '/api/admin/channels', {
      token: admin,
      body: { ...channelBody, defaultSkillId: 'skill_nope' },
    });
    expect(wrongSkill.status).toBe(400);
    expect(wrongSkill.body.error.issues).toEqual([{ path: 'defaultSkillId', message: 'skill_nope is not a skill' }]);
    const unreachable = await platform.call('POST', '/api/admin/channels', { token: admin, body: channelBody });
    expect(unreachable.status).toBe(502);
    expect(unreachable.body.error.message).toBe(
      'WhatsApp could not be reached to send this platform the account’s messages (subscribed_apps): try again',
    );
  });

  it('does not call subscribed_apps with the embedded simulator, which subscribes its accounts itself', async () => {
    const calls: string[] = [];
    const t = await testPlatform({}, memoryJournal(), {
      wrapFetch: (next) => (url, init) => {
        calls.push(`${init?.method ?? 'GET'} ${url}`);
        return next(url, init);
      },
    });
    const admin = await t.login('admin', 'loro-admin');
    expect((await t.call('POST', '/api/admin/channels', { token: admin, body: channelBody })).status).toBe(201);
    expect(calls.filter((call) => call.includes('subscribed_apps'))).toEqual([]);
  });
});
