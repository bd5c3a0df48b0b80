import { describe, expect, it } from 'vitest';
import { readMessage } from './messages.ts';

describe('readMessage', () => {
  it.each([
    [{ type: 'loro:open-panel' }, true],
    [{ type: 'loro:start-conversation', number: '+34 612 34 56 78' }, true],
    [{ type: 'loro:start-conversation', number: '612345678' }, false],
    [{ type: 'loro:start-conversation', number: `+${'1'.repeat(40)}` }, false],
    [{ type: 'loro:offer-toast', kind: 'transfer', offerId: 'o1', lastsMs: 30_000 }, true],
    [{ type: 'loro:offer-toast', kind: 'party', offerId: 'o1', lastsMs: 30_000 }, false],
    [{ type: 'loro:offer-toast', kind: 'transfer', offerId: 'o1', lastsMs: Number.NaN }, false],
    [{ type: 'loro:offer-toast-gone', offerId: 'o1' }, true],
    [{ type: 'loro:toast-accept', offerId: 'x'.repeat(201) }, false],
    [{ type: 'loro:toast-accept', offerId: 'o1' }, true],
    [{ type: 'other' }, false],
    [null, false],
    ['loro:open-panel', false],
  ])('%j is well-formed: %s', (message, ok) => {
    const type = (message as { type?: string } | null)?.type;
    const types = [
      'loro:open-panel',
      'loro:start-conversation',
      'loro:offer-toast',
      'loro:offer-toast-gone',
      'loro:toast-accept',
    ] as const;
    expect(readMessage(message, ...types) !== undefined).toBe(ok);
    if (ok) expect(readMessage(message, ...types)?.type).toBe(type);
  });

  it('reads only the types the listener asks for', () => {
    expect(readMessage({ type: 'loro:open-panel' }, 'loro:toast-accept')).toBeUndefined();
  });
});
