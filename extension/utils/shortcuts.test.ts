import { describe, expect, it } from 'vitest';
import { nextConversationId, shortcutFor } from './shortcuts.ts';

const key = (
  code: string,
  modifiers: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey', boolean>> = {},
) => ({
  code,
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...modifiers,
});
const altShift = { altKey: true, shiftKey: true };

describe('shortcutFor', () => {
  it.each([
    [key('KeyA', altShift), 'accept'],
    [key('KeyN', altShift), 'next'],
    [key('KeyE', altShift), 'end'],
    [key('KeyE', { altKey: true }), undefined],
    [key('KeyA', { shiftKey: true }), undefined],
    [key('KeyA', { ...altShift, ctrlKey: true }), undefined],
    [key('KeyA', { ...altShift, metaKey: true }), undefined],
    [key('KeyZ', altShift), undefined],
  ])('%o → %s', (event, action) => expect(shortcutFor(event)).toBe(action));
});

describe('nextConversationId', () => {
  it.each([
    [['a', 'b', 'c'], 'a', 'b'],
    [['a', 'b', 'c'], 'c', 'a'],
    [['a', 'b', 'c'], undefined, 'a'],
    [['a', 'b', 'c'], 'gone', 'a'],
    [['a'], 'a', 'a'],
    [[], undefined, undefined],
  ])('%o after %s → %s', (ids, selected, next) => expect(nextConversationId(ids, selected)).toBe(next));
});
