import { z } from 'zod';
import browser from './browser.ts';
import type { Drafts } from './drafts.ts';

/**
 * The agent's drafts and the conversation she had open, in `storage.session`: they survive a
 * reload of the side panel, never reach the disk, and are gone when the browser closes. Keyed by
 * the signed-in user, so another agent signing in on this browser never sees them.
 */
const draftsKey = (userId: string) => `loro.drafts.${userId}`;
const openKey = (userId: string) => `loro.openConversation.${userId}`;

const draftsSchema = z.record(z.string(), z.string());

export async function loadDrafts(userId: string): Promise<Drafts> {
  const key = draftsKey(userId);
  const parsed = draftsSchema.safeParse((await browser.storage.session.get(key))[key]);
  return parsed.success ? parsed.data : {};
}

export async function saveDrafts(userId: string, drafts: Drafts): Promise<void> {
  await browser.storage.session.set({ [draftsKey(userId)]: drafts });
}

export async function loadOpenConversation(userId: string): Promise<string | undefined> {
  const key = openKey(userId);
  const value = (await browser.storage.session.get(key))[key];
  return typeof value === 'string' ? value : undefined;
}

export async function saveOpenConversation(userId: string, conversationId: string | undefined): Promise<void> {
  if (conversationId === undefined) await browser.storage.session.remove(openKey(userId));
  else await browser.storage.session.set({ [openKey(userId)]: conversationId });
}

/** Forgets what this agent left on this browser (on sign-out). */
export async function clearDesk(userId: string): Promise<void> {
  await browser.storage.session.remove([draftsKey(userId), openKey(userId)]);
}
