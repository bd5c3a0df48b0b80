import { describe, expect, it } from 'vitest';
import { verifySignature } from '../whatsapp/signature.ts';
import { WebhookDelivery } from './webhook-delivery.ts';

function receiver(statuses: number[]) {
  const bodies: { body: string; signature: string | null }[] = [];
  const fetch = async (_url: string, init?: RequestInit) => {
    const body = String(init?.body);
    bodies.push({ body, signature: new Headers(init?.headers).get('x-hub-signature-256') });
    return new Response('', { status: statuses.shift() ?? 200 });
  };
  return { bodies, fetch };
}

describe('WebhookDelivery', () => {
  it('signs the escaped body so a verifier over the received bytes accepts it', async () => {
    const { bodies, fetch } = receiver([]);
    const delivery = new WebhookDelivery({ url: 'http://127.0.0.1/hook', appSecret: 'secret-1', fetch });
    delivery.enqueue({ text: 'Ñandú 🦤' });
    await delivery.idle();
    const [sent] = bodies;
    expect(sent?.body).toBe('{"text":"\\u00d1and\\u00fa \\ud83e\\udda4"}');
    expect(verifySignature('secret-1', new TextEncoder().encode(sent?.body), sent?.signature ?? undefined)).toBe(true);
  });

  it('retries with back-off until the receiver answers 200, keeping order', async () => {
    const { bodies, fetch } = receiver([500, 503]);
    const waits: number[] = [];
    const delivery = new WebhookDelivery({
      url: 'http://127.0.0.1/hook',
      appSecret: 'secret-1',
      fetch,
      backoff: [10, 20, 40],
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    delivery.enqueue({ n: 1 });
    delivery.enqueue({ n: 2 });
    await delivery.idle();
    expect(waits).toEqual([10, 20]);
    expect(bodies.map((b) => JSON.parse(b.body).n)).toEqual([1, 1, 1, 2]);
  });

  it('gives up after the last back-off step', async () => {
    const { bodies, fetch } = receiver([500, 500, 500, 500]);
    const delivery = new WebhookDelivery({
      url: 'http://127.0.0.1/hook',
      appSecret: 'secret-1',
      fetch,
      backoff: [1, 1],
      sleep: async () => undefined,
    });
    delivery.enqueue({ n: 1 });
    await delivery.idle();
    expect(bodies).toHaveLength(3);
    expect(delivery.pending).toBe(0);
  });
});
