import { owedWrapUps } from './after-contact-work.ts';
import type { PlatformContext } from './context.ts';
import { channelPermissionsOf } from './permissions.ts';
import type { Conversation, User } from './records.ts';

/**
 * Whether routing may offer this agent a conversation of this skill on this channel, capacity
 * aside: an agent, Available and not in after-contact work, who holds the skill and whose role grants Reply on the channel (an
 * offer she could not answer would only strand the customer). The one place that decides who
 * routing considers: the dispatcher, direct transfers and the no-stranding property test all ask
 * it, so a new reason to keep an agent from new work (another state) belongs here.
 */
export function isEligible(
  ctx: PlatformContext,
  user: User,
  conversation: Pick<Conversation, 'skillId' | 'channelId'>,
): boolean {
  if (user.role !== 'agent') return false;
  if (ctx.store.get('agentStatus', user.id)?.state !== 'available') return false;
  // After-contact work: she owes a wrap-up, so nothing new until it is done or its time runs out.
  if (owedWrapUps(ctx, user.id).length > 0) return false;
  if (!user.skills.some((skill) => skill.skillId === conversation.skillId)) return false;
  return channelPermissionsOf(ctx.store, user, conversation.channelId)?.includes('reply') ?? false;
}
