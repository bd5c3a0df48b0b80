import { describe, expect, it } from 'vitest';
import { mergeStored, restoreFailed, withDraft, withoutDrafts } from './drafts.ts';

describe('drafts: one per conversation', () => {
  it('keeps each conversation’s draft apart and forgets empty ones', () => {
    let drafts = withDraft({}, 'gonzalo', 'Hola Gonzalo');
    drafts = withDraft(drafts, 'helena', 'Hola Helena');
    expect(drafts).toEqual({ gonzalo: 'Hola Gonzalo', helena: 'Hola Helena' });
    drafts = withDraft(drafts, 'gonzalo', '');
    expect(drafts).toEqual({ helena: 'Hola Helena' });
  });

  it('gives a failed send back in front of what was typed while it was in flight', () => {
    expect(restoreFailed({}, 'c1', 'Uno')).toEqual({ c1: 'Uno' });
    expect(restoreFailed({ c1: 'Dos tres cuatro' }, 'c1', 'Uno')).toEqual({ c1: 'Uno\nDos tres cuatro' });
    expect(restoreFailed({ c2: 'otra' }, 'c1', 'Uno')).toEqual({ c1: 'Uno', c2: 'otra' });
  });

  it('lets what was typed before storage answered win over what storage held', () => {
    expect(mergeStored({ c1: 'new' }, { c1: 'old', c2: 'kept' })).toEqual({ c1: 'new', c2: 'kept' });
  });

  it('drops the drafts of conversations that left the desk', () => {
    const drafts = { c1: 'a', c2: 'b' };
    expect(withoutDrafts(drafts, ['c1'])).toEqual({ c2: 'b' });
    expect(withoutDrafts(drafts, ['c3'])).toBe(drafts);
  });
});
