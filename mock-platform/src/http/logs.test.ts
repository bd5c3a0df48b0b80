import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPlatform } from '../testing/harness.ts';
import { signBody } from '../whatsapp/signature.ts';

describe('logs', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('never contain secrets, tokens or passwords, whatever goes wrong', async () => {
    const logged: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : String(arg))).join(' '));
      });
    }
    const t = await testPlatform({
      WHATSAPP_APP_SECRET: 'app-secret-XYZ-123',
      WHATSAPP_TOKEN: 'graph-token-XYZ-456',
      WHATSAPP_VERIFY_TOKEN: 'verify-token-XYZ-789',
    });
    const ana = await t.login('ana', 'loro-agent');
    // Failures of every kind: wrong passwords, forged and malformed webhooks, a bad Graph token,
    // an unknown phone number id, a webhook for a number with no channel, a refused reply.
    await t.call('POST', '/api/auth/login', { body: { username: 'ana', password: 'wrong-password-QQQ' } });
    const forged = JSON.stringify({ object: 'whatsapp_business_account', entry: [] });
    await t.app.request('http://platform.test/webhooks/whatsapp', {
      method: 'POST',
      body: forged,
      headers: { 'x-hub-signature-256': signBody('not-it', forged) },
    });
    const unknownNumber = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '1', phone_number_id: '999' },
                messages: [],
              },
            },
          ],
        },
      ],
    });
    await t.app.request('http://platform.test/webhooks/whatsapp', {
      method: 'POST',
      body: unknownNumber,
      headers: { 'x-hub-signature-256': signBody('app-secret-XYZ-123', unknownNumber) },
    });
    await t.app.request('http://platform.test/graph/v23.0/999/messages', {
      method: 'POST',
      body: '{}',
      headers: { authorization: 'Bearer graph-token-XYZ-456' },
    });
    await t.app.request('http://platform.test/graph/v23.0/999/messages', {
      method: 'POST',
      body: '{}',
      headers: { authorization: 'Bearer wrong' },
    });
    await t.call('POST', '/api/conversations/nope/messages', { token: ana, body: { text: 'hi' } });
    await t.call('GET', '/api/me', { token: 'forged-session-token' });

    const all = logged.join('\n');
    for (const secret of [
      'app-secret-XYZ-123',
      'graph-token-XYZ-456',
      'verify-token-XYZ-789',
      'wrong-password-QQQ',
      'loro-agent',
      ana,
    ]) {
      expect(all, `a log line contains ${secret.slice(0, 6)}…`).not.toContain(secret);
    }
    // Something was logged, so the check above was not vacuous.
    expect(all).toContain('no channel for phone_number_id 999');
  });
});
