import { describe, expect, it } from 'vitest';
import { screenPopUrl, screenPopUrlSchema } from './screen-pop.ts';

describe('screen-pop URL', () => {
  it('fills and encodes the placeholders', () => {
    expect(
      screenPopUrl('https://crm.example/case?c={conversationId}&n={customerNumber}&q={queue}', {
        conversationId: 'conv_1',
        customerNumber: '+34612345678',
        customerName: 'María',
        channelId: 'ch',
        queue: 'Customer support',
      }),
    ).toBe('https://crm.example/case?c=conv_1&n=%2B34612345678&q=Customer%20support');
  });

  it.each([
    ['crm.example/case', 'must be an absolute http(s) URL'],
    ['javascript:alert(1)//{conversationId}', 'must be an absolute http(s) URL'],
    ['https://crm.example/{password}', 'may only use the placeholders'],
  ])('refuses %s', (template, message) => {
    const result = screenPopUrlSchema.safeParse(template);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });
});
