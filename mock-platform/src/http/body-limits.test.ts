import { describe, expect, it } from 'vitest';
import { MAX_API_BODY_BYTES } from '../app.ts';
import { isAttachmentUpload, MAX_ATTACHMENT_BODY_BYTES } from '../routes/agent/conversation-media.ts';
import { MAX_WEBHOOK_BYTES } from '../routes/whatsapp-webhook.ts';
import { MAX_CUSTOMER_MESSAGE_BODY_BYTES } from '../simulator/customer-routes.ts';
import { MAX_GRAPH_BODY_BYTES } from '../simulator/graph-routes.ts';
import { MAX_MEDIA_BYTES } from '../simulator/media.ts';
import { MAX_SIGNUP_NUMBER_BODY_BYTES } from '../simulator/onboarding.ts';
import { testPlatform } from '../testing/harness.ts';

/** The limit each route answers with: Graph paths have Meta's, media uploads (Graph, agents', the customer's) Meta's largest file, webhooks 3 MiB, the signup's profile step a 5 MB logo in base64. */
function limitOf(method: string, path: string): number {
  if (path.startsWith('/graph/'))
    return method === 'POST' && path.endsWith('/media') ? MAX_MEDIA_BYTES + 64 * 1024 : MAX_GRAPH_BODY_BYTES;
  if (path === '/webhooks/whatsapp') return MAX_WEBHOOK_BYTES;
  if (isAttachmentUpload(method, path)) return MAX_ATTACHMENT_BODY_BYTES;
  if (method === 'POST' && path === '/simulator/api/messages') return MAX_CUSTOMER_MESSAGE_BODY_BYTES;
  if (method === 'POST' && path === '/simulator/api/signup/number') return MAX_SIGNUP_NUMBER_BODY_BYTES;
  return MAX_API_BODY_BYTES;
}

describe('every route refuses an oversized body with 413, before reading it', () => {
  it('answers 413 in the platform’s error shape, and in Meta’s on Graph paths', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const routes = new Map<string, { method: string; path: string }>();
    for (const route of t.app.routes) {
      const methods = route.method === 'ALL' ? ['POST'] : [route.method];
      for (const method of methods) {
        if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
        const path = route.path.replace(/:[A-Za-z_]+(\{[^}]*\})?/g, 'x1').replace(/\*$/, 'anything');
        routes.set(`${method} ${path}`, { method, path });
      }
    }
    // Every kind of route is there: the API, the admin API, components, the simulator, Graph, webhooks.
    const paths = [...routes.values()].map((route) => route.path);
    for (const prefix of [
      '/api/auth/',
      '/api/admin/',
      '/api/conversations/',
      '/components/api/',
      '/simulator/',
      '/graph/',
      '/webhooks/',
    ])
      expect(
        paths.some((path) => path.startsWith(prefix)),
        prefix,
      ).toBe(true);

    const bodies = new Map<number, Uint8Array<ArrayBuffer>>();
    const oversized = (size: number) => {
      const body = bodies.get(size) ?? new Uint8Array(size).fill(0x20);
      bodies.set(size, body);
      return body;
    };
    const failures: string[] = [];
    for (const { method, path } of routes.values()) {
      const size = limitOf(method, path) + 1;
      const response = await t.app.request(`http://platform.test${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          'content-length': String(size),
          authorization: `Bearer ${admin}`,
        },
        body: oversized(size),
      });
      const body = (await response.json()) as { error?: Record<string, unknown> };
      const shapeOk = path.startsWith('/graph/')
        ? body.error?.code === 100 && body.error?.type === 'OAuthException' && typeof body.error?.message === 'string'
        : body.error?.code === 'payload_too_large' && typeof body.error?.message === 'string';
      if (response.status !== 413 || !shapeOk)
        failures.push(`${method} ${path}: ${response.status} ${JSON.stringify(body)}`);
    }
    expect(failures).toEqual([]);
    expect(routes.size).toBeGreaterThan(40);
  });

  it('stops reading a body sent without a length once it passes the limit', async () => {
    const t = await testPlatform();
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        controller.enqueue(chunk);
        if (sent > 4 * MAX_API_BODY_BYTES) controller.close();
      },
    });
    const response = await t.app.request('http://platform.test/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });
});
