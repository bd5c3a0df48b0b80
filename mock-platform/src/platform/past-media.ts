import { archivedMessages } from './archive.ts';
import type { PlatformContext } from './context.ts';
import { mayReadPast } from './customer-context.ts';
import { DomainError, notFound } from './domain-errors.ts';
import type { User } from './records.ts';

/**
 * A photo, voice note, video or document of an ended conversation the agent may read
 * ({@link mayReadPast}), fetched from WhatsApp like the live transcript's: only a media id the
 * conversation carries (archived ones included), so the route is not a way to fetch any media.
 */
export async function pastMedia(
  ctx: PlatformContext,
  agent: User,
  conversationId: string,
  mediaId: string,
): Promise<{ bytes: ArrayBuffer; mimeType: string }> {
  const past = ctx.store.get('conversations', conversationId);
  if (!past || !mayReadPast(ctx, agent, past)) throw notFound(`Conversation ${conversationId}`);
  const carried = (await archivedMessages(ctx, ctx.archive, past)).some((message) => message.media?.id === mediaId);
  if (!carried)
    throw new DomainError('not_found', 'not_found', `Media ${mediaId} is not in conversation ${conversationId}`);
  try {
    return await ctx.graph.downloadMedia(mediaId);
  } catch {
    throw new DomainError('not_found', 'media_unavailable', 'WhatsApp no longer has this file (media expire)');
  }
}
