import { describe, expect, it } from 'vitest';
import { memoryJournal } from '../../store/journal-files.ts';
import { JournalStore } from '../../store/journal-store.ts';
import { type PlatformSchema, platformIndexes, platformSchemas, put } from '../records.ts';
import { StagedStore } from './staged-store.ts';

const user = (id: string, username: string): PlatformSchema['users'] => ({
  id,
  username,
  displayName: username,
  role: 'agent',
  passwordHash: 'x',
  skills: [],
  capacity: 1,
});

describe('a staged store', () => {
  it('reads staged rows over the real ones, by id, in lists and by index, and never writes', async () => {
    const base = await JournalStore.open<PlatformSchema>({
      files: memoryJournal(),
      indexes: platformIndexes,
      schemas: platformSchemas,
    });
    await base.commit([put('users', user('u1', 'ana')), put('users', user('u2', 'bruno'))]);
    const staged = new StagedStore(base);
    staged.stage('users', user('u2', 'carla'));
    staged.stage('users', user('u3', 'dani'));
    expect(staged.get('users', 'u2')?.username).toBe('carla');
    expect(
      staged
        .all('users')
        .map((row) => row.username)
        .sort(),
    ).toEqual(['ana', 'carla', 'dani']);
    expect(staged.where('users', 'username', 'bruno')).toEqual([]);
    expect(staged.where('users', 'username', 'carla').map((row) => row.id)).toEqual(['u2']);
    expect(staged.count('users')).toBe(3);
    staged.unstage('users', 'u2');
    expect(staged.get('users', 'u2')?.username).toBe('bruno');
    await expect(staged.commit()).rejects.toThrow(/only answers reads/);
    expect(base.get('users', 'u3')).toBeUndefined();
  });
});
