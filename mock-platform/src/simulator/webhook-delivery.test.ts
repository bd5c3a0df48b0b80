import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../../shared/clock.ts';
import { DEMO } from '../seed/demo-tenant.ts';
import { type JournalFiles, memoryJournal } from '../store/journal-files.ts';
import { JournalStore } from '../store/journal-store.ts';
import { testPlatform } from '../testing/harness.ts';
import { textWebhook } from '../testing/webhooks.ts';
import { verifySignature } from '../whatsapp/signature.ts';
import { type SimulatorSchema, simulatorIndexes, simulatorSchemas } from './records.ts';
import { WebhookDelivery, type WebhookDeliveryOptions } from './webhook-delivery.ts';

afterEach(() => vi.restoreAllMocks());

const MINUTE = 60_000;

function openStore(files: JournalFiles = memoryJournal()) {
  return JournalStore.open<SimulatorSchema>({ files, indexes: simulatorIndexes, schemas: simulatorSchemas });
}

/** A receiver answering each request with the next status (then 200), recording what it got. */
function receiver(statuses: number[] = []) {
  const bodies: { url: string; body: string; signature: string | null }[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    const body = String(init?.body);
    bodies.push({ url, body, signature: new Headers(init?.headers).get('x-hub-signature-256') });
    return new Response(null, { status: statuses.shift() ?? 200 });
  };
  return { bodies, fetch };
}

async function delivery(options: Partial<WebhookDeliveryOptions> & Pick<WebhookDeliveryOptions, 'fetch'>) {
  const clock = new ManualClock();
  const store = options.store ?? (await openStore());
  const webhooks = new WebhookDelivery({
    url: 'http://127.0.0.1/hook',
    appSecret: 'secret-1',
    store,
    clock,
    ...options,
  });
  return { webhooks, clock, store };
}

/** A webhook about business number `number` (`n` tells them apart). */
const about = (number: string, n: number) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: 'waba', changes: [{ field: 'messages', value: { metadata: { phone_number_id: number }, n } }] }],
});
const numbered = (bodies: { body: string }[]) => bodies.map((b) => JSON.parse(b.body).entry[0].changes[0].value.n);

describe('WebhookDelivery', () => {
  it('signs the escaped body so a verifier over the received bytes accepts it', async () => {
    const { bodies, fetch } = receiver();
    const { webhooks } = await delivery({ fetch });
    await webhooks.enqueue({ text: 'Ñandú 🦤' });
    await webhooks.idle();
    const [sent] = bodies;
    expect(sent?.body).toBe('{"text":"\\u00d1and\\u00fa \\ud83e\\udda4"}');
    expect(verifySignature('secret-1', new TextEncoder().encode(sent?.body), sent?.signature ?? undefined)).toBe(true);
  });

  it('takes any 2xx as delivered', async () => {
    const { bodies, fetch } = receiver([202, 204, 299]);
    const { webhooks } = await delivery({ fetch });
    for (const n of [1, 2, 3]) await webhooks.enqueue(about('1', n));
    await webhooks.idle();
    expect(numbered(bodies)).toEqual([1, 2, 3]);
    expect(webhooks.pending).toBe(0);
  });

  it('retries with decreasing frequency as the clock moves, until a 2xx', async () => {
    const { bodies, fetch } = receiver([500, 503, 500]);
    const { webhooks, clock } = await delivery({ fetch, backoff: [10_000, 60_000, 600_000] });
    await webhooks.enqueue(about('1', 1));
    await webhooks.idle();
    expect(bodies).toHaveLength(1);
    clock.advance(9_999);
    webhooks.deliverDue();
    await webhooks.idle();
    expect(bodies).toHaveLength(1);
    clock.advance(1);
    webhooks.deliverDue();
    await webhooks.idle();
    expect(bodies).toHaveLength(2);
    clock.advance(60_000);
    webhooks.deliverDue();
    await webhooks.idle();
    expect(bodies).toHaveLength(3);
    clock.advance(600_000);
    webhooks.deliverDue();
    await webhooks.idle();
    expect(bodies).toHaveLength(4);
    expect(webhooks.pending).toBe(0);
  });

  it('gives up once the retry period is over, and says so', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
    const { bodies, fetch } = receiver(Array(100).fill(500));
    const { webhooks, clock } = await delivery({ fetch, backoff: [MINUTE], retryForMs: 5 * MINUTE });
    await webhooks.enqueue(about('1', 1));
    for (let i = 0; i < 10; i++) {
      clock.advance(MINUTE);
      webhooks.deliverDue();
      await webhooks.idle();
    }
    expect(bodies).toHaveLength(5);
    expect(webhooks.pending).toBe(0);
    expect(errors.join('\n')).toContain('dropped after 5 attempts (HTTP 500)');
  });

  it('keeps its queue in the store: what was not delivered before a restart is delivered after', async () => {
    const files = memoryJournal();
    const down = receiver(Array(100).fill(503));
    const before = await delivery({ fetch: down.fetch, store: await openStore(files) });
    await before.webhooks.enqueue(about('1', 1));
    await before.webhooks.enqueue(about('1', 2));
    await before.webhooks.idle();
    await before.store.close();

    const up = receiver();
    const after = await delivery({ fetch: up.fetch, store: await openStore(files) });
    expect(after.webhooks.pending).toBe(2);
    after.clock.advance(MINUTE);
    after.webhooks.deliverDue();
    await after.webhooks.idle();
    expect(numbered(up.bodies).sort()).toEqual([1, 2]);
    expect(after.webhooks.pending).toBe(0);
  });

  it('does not let a hanging URL hold back another number', async () => {
    let release: (() => void) | undefined;
    const hanging = new Promise<void>((resolve) => {
      release = resolve;
    });
    const delivered: string[] = [];
    const fetch = async (url: string, init?: RequestInit) => {
      if (url.includes('slow')) await hanging;
      delivered.push(`${url} ${numbered([{ body: String(init?.body) }])[0]}`);
      return new Response('', { status: 200 });
    };
    const { webhooks } = await delivery({ fetch });
    await webhooks.enqueue(about('A', 1), 'http://slow.test/hook');
    await webhooks.enqueue(about('B', 2));
    await webhooks.enqueue(about('B', 3));
    // B's webhooks arrive while A's request still hangs.
    for (let i = 0; i < 20 && delivered.length < 2; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(delivered).toEqual(['http://127.0.0.1/hook 2', 'http://127.0.0.1/hook 3']);
    release?.();
    await webhooks.idle();
    expect(delivered).toContain('http://slow.test/hook 1');
  });
});

describe('the simulator delivering to the platform like Meta', () => {
  it('receiver down for an hour, then back: everything delivered, each message stored once', async () => {
    const t = await testPlatform();
    let down = true;
    let lostAnswers = 1;
    const fetch = async (url: string, init?: RequestInit) => {
      if (down) throw new Error('connect ECONNREFUSED');
      const response = await t.app.request(url, init);
      // The platform stored it but its answer got lost: Meta sends it again.
      if (lostAnswers-- > 0) throw new Error('socket hang up');
      return response;
    };
    const { webhooks, clock } = await delivery({
      fetch,
      url: 'http://platform.test/webhooks/whatsapp',
      appSecret: t.config.WHATSAPP_APP_SECRET,
    });
    for (let i = 1; i <= 5; i++) {
      await webhooks.enqueue(textWebhook({ wamid: `wamid.down-${i}`, from: `3461200000${i}`, text: `hola ${i}` }));
    }
    let attempts = 0;
    const step = async (ms: number) => {
      clock.advance(ms);
      webhooks.deliverDue();
      await webhooks.idle();
    };
    for (let minute = 0; minute < 60; minute++) await step(MINUTE);
    expect(webhooks.pending).toBe(5);
    down = false;
    for (let minute = 0; minute < 5 * 60 && webhooks.pending > 0; minute++) {
      attempts++;
      await step(MINUTE);
    }
    expect(webhooks.pending).toBe(0);
    // Within the back-off steps reached by then (1 h, then 2 h for the one whose answer was lost).
    expect(attempts).toBeLessThanOrEqual(4 * 60);
    for (let i = 1; i <= 5; i++) {
      const stored = t.store.get('messages', `wamid.down-${i}`);
      expect(stored?.text).toBe(`hola ${i}`);
      expect(t.store.where('messages', 'conversationId', stored?.conversationId ?? '')).toHaveLength(1);
    }
  });
});

describe('biz_opaque_callback_data', () => {
  it('is echoed in the status webhooks of the send that carried it', async () => {
    const t = await testPlatform();
    await t.customerSays('Hola');
    const enqueued: unknown[] = [];
    const original = t.webhooks.enqueue.bind(t.webhooks);
    vi.spyOn(t.webhooks, 'enqueue').mockImplementation((payload, url) => {
      enqueued.push(payload);
      return original(payload, url);
    });
    const sent = await t.graph('POST', `/${DEMO.phoneNumberId}/messages`, {
      messaging_product: 'whatsapp',
      to: '34612345678',
      type: 'text',
      text: { body: 'Hola' },
      biz_opaque_callback_data: 'order-42',
    });
    expect(sent.status).toBe(200);
    const statuses = enqueued.flatMap(
      (payload) =>
        (payload as { entry: { changes: { value: { statuses?: unknown[] } }[] }[] }).entry[0]?.changes[0]?.value
          .statuses ?? [],
    );
    expect(statuses).toEqual([
      expect.objectContaining({ status: 'sent', biz_opaque_callback_data: 'order-42' }),
      expect.objectContaining({ status: 'delivered', biz_opaque_callback_data: 'order-42' }),
    ]);
    const tooLong = await t.graph('POST', `/${DEMO.phoneNumberId}/messages`, {
      messaging_product: 'whatsapp',
      to: '34612345678',
      type: 'text',
      text: { body: 'Hola' },
      biz_opaque_callback_data: 'x'.repeat(513),
    });
    expect(tooLong.status).toBe(400);
  });
});
