import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { Drafts } from './drafts.ts';
import { draftsItem, openConversationItem } from './storage.ts';

/**
 * The agent's drafts and the conversation she had open, in `storage.session` (items declared in
 * `storage.ts`): they survive a reload of the side panel, never reach the disk, and are gone when
 * the browser closes. Keyed by the signed-in user, so another agent signing in on this browser
 * never sees them.
 */
const draftsSchema = z.record(z.string(), z.string());

export async function loadDrafts(userId: string): Promise<Drafts> {
  const parsed = draftsSchema.safeParse(await draftsItem(userId).getValue());
  return parsed.success ? parsed.data : {};
}

export async function saveDrafts(userId: string, drafts: Drafts): Promise<void> {
  await draftsItem(userId).setValue(drafts);
}

export async function loadOpenConversation(userId: string): Promise<string | undefined> {
  const value = await openConversationItem(userId).getValue();
  return typeof value === 'string' ? value : undefined;
}

export async function saveOpenConversation(userId: string, conversationId: string | undefined): Promise<void> {
  if (conversationId === undefined) await openConversationItem(userId).removeValue();
  else await openConversationItem(userId).setValue(conversationId);
}

/** Forgets what this agent left on this browser (on sign-out). */
export async function clearDesk(userId: string): Promise<void> {
  await storage.removeItems([draftsItem(userId), openConversationItem(userId)]);
}
