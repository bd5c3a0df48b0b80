import browser from './browser.ts';
import { type CredentialDb, indexedDbCredentials } from './credential-db.ts';
import { SESSION_KEY, STAY_KEY } from './storage-keys.ts';

/**
 * A stored "stay signed in" credential's shape, checked by hand: the background runs this at every
 * start and stays without zod (it made the background 97 kB). Reads check it again with the zod
 * schema (`staySignedInSchema` in storage.ts).
 */
function isCredential(value: unknown): boolean {
  const candidate = value as Record<string, unknown> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    ['platformUrl', 'userId', 'refreshToken'].every((field) => typeof candidate[field] === 'string') &&
    typeof candidate.expiresAt === 'number'
  );
}

/**
 * Versions before 2026-12-02 kept the credential in `storage.local`, which content scripts can
 * read: move it into IndexedDB (unless a newer one is there already) and remove the old copy.
 * Called by the background at every start and before each read.
 */
export async function migrateStaySignedIn(db: CredentialDb = indexedDbCredentials()): Promise<void> {
  const legacy = (await browser.storage.local.get(STAY_KEY))[STAY_KEY];
  if (legacy === undefined) return;
  if (isCredential(legacy)) await db.put(STAY_KEY, legacy, (current) => current === undefined);
  await browser.storage.local.remove(STAY_KEY);
}

/**
 * Keeps `storage.session` (the agent's token, drafts) to the extension's own pages: a content
 * script runs inside the host page's process and never needs it. Chrome's default, made explicit
 * so nothing widens it. Called by the background at every start.
 */
export async function restrictSessionStorage(area: {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}): Promise<void> {
  await area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  // Versions before 2026-12-02 kept the token on disk in `storage.local`: remove it.
  await browser.storage.local.remove(SESSION_KEY);
}
