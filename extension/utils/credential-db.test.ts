import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { indexedDbCredentials } from './credential-db.ts';

describe('indexedDbCredentials', () => {
  it('keeps values across connections of the same origin, and deletes them', async () => {
    const factory = new IDBFactory();
    await indexedDbCredentials(factory).put('k', { token: 'a' });
    // A second "page" of the extension opens the same database.
    expect(await indexedDbCredentials(factory).get('k')).toEqual({ token: 'a' });
    await indexedDbCredentials(factory).remove('k');
    expect(await indexedDbCredentials(factory).get('k')).toBeUndefined();
  });

  it.each([
    ['put', 'when the condition holds', true, { token: 'b' }],
    ['put', 'not otherwise', false, { token: 'a' }],
    ['remove', 'when the condition holds', true, undefined],
    ['remove', 'not otherwise', false, { token: 'a' }],
  ] as const)('%s with a condition acts %s', async (operation, _, holds, expected) => {
    const db = indexedDbCredentials(new IDBFactory());
    await db.put('k', { token: 'a' });
    const seen: unknown[] = [];
    const when = (current: unknown) => {
      seen.push(current);
      return holds;
    };
    if (operation === 'put') await db.put('k', { token: 'b' }, when);
    else await db.remove('k', when);
    expect(seen).toEqual([{ token: 'a' }]);
    expect(await db.get('k')).toEqual(expected);
  });
});
