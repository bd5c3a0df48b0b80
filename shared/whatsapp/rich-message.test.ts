import { describe, expect, it } from 'vitest';
import { type RichContent, richMessagePayload, richMessageText, slotTitle } from './rich-message.ts';
import { sendMessageRequestSchema } from './send-message-schema.ts';

const envelope = { messaging_product: 'whatsapp', to: '+34612345678' };

describe('rich messages as Cloud API messages (TP-3)', () => {
  it('builds valid interactive and text messages for each kind', () => {
    const kinds = [
      { kind: 'quick_replies' as const, text: 'Refund or exchange?', options: ['Refund', 'Exchange'] },
      {
        kind: 'list_picker' as const,
        text: 'Pick a size',
        button: 'Sizes',
        items: [{ title: 'S' }, { title: 'M', description: 'Medium' }],
      },
      { kind: 'time_picker' as const, text: 'When can we call?', slots: ['2026-11-23T10:00', '2026-11-23T16:30'] },
      {
        kind: 'rich_link' as const,
        title: 'Track your order',
        url: 'https://loro.example/track',
        description: 'Live map',
      },
    ] satisfies RichContent[];
    const [quick, , , link] = kinds;
    for (const content of kinds) {
      const parsed = sendMessageRequestSchema.safeParse({ ...envelope, ...richMessagePayload(content) });
      expect(parsed.success, `${content.kind}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    expect(slotTitle('2026-11-23T10:00')).toBe('Mon 23 Nov 10:00');
    expect(richMessageText(quick as RichContent)).toBe('Refund or exchange?\n[Refund] [Exchange]');
    expect(richMessagePayload(link as RichContent)).toEqual({
      type: 'text',
      text: { body: 'Track your order\nhttps://loro.example/track\nLive map', preview_url: true },
    });
  });
});
