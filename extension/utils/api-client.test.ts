import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PlatformError, request } from './api-client.ts';

const json = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status });

describe('request', () => {
  it('sends the token and body, and validates the answer', async () => {
    let seen: RequestInit | undefined;
    const result = await request('http://p.test/', '/api/x', z.object({ ok: z.boolean() }), {
      method: 'POST',
      token: 't0k',
      body: { a: 1 },
      fetch: async (url, init) => {
        expect(url).toBe('http://p.test/api/x');
        seen = init;
        return new Response('{"ok":true}');
      },
    });
    expect(result).toEqual({ ok: true });
    expect(new Headers(seen?.headers).get('authorization')).toBe('Bearer t0k');
    expect(seen?.body).toBe('{"a":1}');
  });

  it('turns the platform error shape into a PlatformError with code and issues', async () => {
    const error = await request('http://p.test', '/x', z.unknown(), {
      fetch: json(400, {
        error: { code: 'validation_failed', message: 'bad', issues: [{ path: 'text', message: 'too long' }] },
      }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      issues: [{ path: 'text', message: 'too long' }],
    });
  });

  it('marks a 401 as signed out and an unreachable platform as status 0', async () => {
    const expired = await request('http://p.test', '/x', z.unknown(), {
      fetch: json(401, { error: { code: 'session_expired', message: 'expired' } }),
    }).catch((e: unknown) => e);
    expect(expired).toBeInstanceOf(PlatformError);
    expect((expired as PlatformError).signedOut).toBe(true);
    const down = await request('http://p.test', '/x', z.unknown(), {
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    }).catch((e: PlatformError) => e);
    expect(down).toMatchObject({ status: 0, code: 'unreachable' });
  });

  it('refuses an answer that does not match the schema', async () => {
    await expect(
      request('http://p.test', '/x', z.object({ id: z.string() }), { fetch: json(200, { id: 1 }) }),
    ).rejects.toMatchObject({
      code: 'bad_response',
    });
  });
});
