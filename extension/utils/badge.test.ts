import { describe, expect, it } from 'vitest';
import { type BadgeAction, badgeText, showOnToolbar } from './badge.ts';

const recorder = () => {
  const calls: Record<string, unknown>[] = [];
  const action: BadgeAction = {
    setBadgeText: async (details) => void calls.push(details),
    setBadgeBackgroundColor: async (details) => void calls.push(details),
    setTitle: async (details) => void calls.push(details),
  };
  return { calls, action };
};

describe('the toolbar badge', () => {
  it.each([
    [0, ''],
    [1, '1'],
    [42, '42'],
    [999, '999'],
    [1000, '999+'],
  ])('%i → "%s"', (count, text) => expect(badgeText(count)).toBe(text));

  it('counts offers and unread messages, red while an offer waits, with a tooltip saying which is which', async () => {
    const { calls, action } = recorder();
    await showOnToolbar({ offers: 1, unread: 2 }, action);
    expect(calls).toEqual([{ text: '3' }, { color: '#c5221f' }, { title: 'Loro: 1 offers, 2 unread' }]);
  });

  it('is blue for unread messages alone, and empty when nothing waits', async () => {
    const unread = recorder();
    await showOnToolbar({ offers: 0, unread: 4 }, unread.action);
    expect(unread.calls[1]).toEqual({ color: '#0b57d0' });
    const none = recorder();
    await showOnToolbar({ offers: 0, unread: 0 }, none.action);
    expect(none.calls).toEqual([{ text: '' }, { title: 'Loro' }]);
  });
});
