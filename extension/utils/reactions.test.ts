import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../shared/api/schemas.ts';
import { foldReactions } from './reactions.ts';

const message = (id: string, extra: Partial<MessageView> = {}): MessageView => ({
  id,
  conversationId: 'c1',
  direction: 'inbound',
  text: id,
  timestamp: 0,
  seq: 0,
  ...extra,
});

describe('foldReactions', () => {
  it('attaches the latest reaction to its message, drops a taken-back one, keeps one whose message is gone', () => {
    const { shown, reactions } = foldReactions([
      message('a'),
      message('b', { direction: 'outbound' }),
      message('r1', { reaction: { messageId: 'a', emoji: '👍' } }),
      message('r2', { reaction: { messageId: 'b', emoji: '❤️' } }),
      message('r3', { reaction: { messageId: 'a', emoji: '😂' } }),
      message('r4', { reaction: { messageId: 'b', emoji: '' } }),
      message('r5', { reaction: { messageId: 'elsewhere', emoji: '🙏' } }),
    ]);
    expect(shown.map((m) => m.id)).toEqual(['a', 'b', 'r5']);
    expect([...reactions]).toEqual([['a', '😂']]);
  });
});
