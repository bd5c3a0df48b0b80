import type { ConferenceRequest } from '../../../shared/api/schemas.ts';
import { chooseAgent } from '../../../shared/routing/choose-agent.ts';
import type { WriteOp } from '../store/store.ts';
import { announceWrapUp } from './after-contact-work.ts';
import { agentStatus } from './agent-status.ts';
import { agentTopic, type PlatformContext } from './context.ts';
import { Availability, agentLoad } from './dispatcher.ts';
import { DomainError } from './domain-errors.ts';
import { mutate } from './mutation.ts';
import { pendingOffer, pendingWrapUp, systemMessage } from './new-records.ts';
import { agentConversation, publishToParticipants, workableConversation } from './participants.ts';
import { worksChannel } from './permissions.ts';
import { type Conversation, type Offer, type PlatformSchema, put, type User } from './records.ts';
import { conversationView, messageView, offerView, wrapUpView } from './views.ts';

function displayName(ctx: PlatformContext, agentId: string): string {
  return ctx.store.get('users', agentId)?.displayName ?? agentId;
}

/** Publishes the new state of a conversation and its new system message to everyone concerned. */
function announce(ctx: PlatformContext, conversation: Conversation, notice: PlatformSchema['messages']) {
  publishToParticipants(ctx, conversation, 'message', () => messageView(ctx, notice));
  publishToParticipants(ctx, conversation, 'conversation.updated', (viewer) =>
    conversationView(ctx, conversation, viewer),
  );
}

function fromQueue(ctx: PlatformContext, skillId: string, channelId: string, ownerId: string): string {
  const skill = ctx.store.get('skills', skillId);
  if (!skill)
    throw new DomainError('invalid', 'validation_failed', `skillId: ${skillId} is not a queue`, [
      { path: 'skillId', message: 'is not a queue' },
    ]);
  const agentId = chooseAgent(new Availability(ctx).candidates(skillId, channelId, [ownerId]));
  if (!agentId)
    throw new DomainError('conflict', 'agent_not_available', `Nobody in ${skill.name} is available to join`);
  return agentId;
}

/**
 * The owner invites an available agent, or the best available agent of a queue (proficiency,
 * then longest idle), to join the conversation ("Conference requested").
 */
export function inviteToConference(
  ctx: PlatformContext,
  owner: User,
  conversationId: string,
  target: ConferenceRequest,
): Promise<void> {
  return mutate(ctx, async (ctx) => {
    const conversation = workableConversation(ctx, owner, conversationId, 'conference');
    if (conversation.agentId !== owner.id)
      throw new DomainError(
        'forbidden',
        'not_owner',
        'Only the agent who owns the conversation can start a conference',
      );
    if (conversation.conference)
      throw new DomainError('conflict', 'conference_in_progress', 'This conversation already has a conference');
    const guestId =
      'agentId' in target ? target.agentId : fromQueue(ctx, target.skillId, conversation.channelId, owner.id);
    const guest = ctx.store.get('users', guestId);
    if (guest?.role !== 'agent' || guest.id === owner.id) {
      throw new DomainError('invalid', 'validation_failed', `agentId: ${guestId} is not another agent`, [
        { path: 'agentId', message: 'is not another agent' },
      ]);
    }
    if (agentStatus(ctx, guest).state !== 'available' || agentLoad(ctx, guest.id) >= guest.capacity) {
      throw new DomainError('conflict', 'agent_not_available', `${guest.displayName} is not available to join`);
    }
    if (!worksChannel(ctx.store, guest, conversation.channelId)) {
      throw new DomainError(
        'conflict',
        'channel_not_in_role',
        `${guest.displayName}'s role does not include this channel`,
      );
    }
    const now = ctx.clock.now();
    const offer = pendingOffer(conversationId, guest.id, now, { fromAgentId: owner.id, purpose: 'conference' });
    const requested: Conversation = {
      ...conversation,
      conference: { state: 'requested', agentId: guest.id, offerId: offer.id, since: now },
    };
    await ctx.store.commit([put('offers', offer), put('conversations', requested)]);
    ctx.events.publish(agentTopic(owner.id), 'conversation.updated', conversationView(ctx, requested, owner.id));
    ctx.events.publish(agentTopic(guest.id), 'offer', offerView(ctx, offer, requested));
  });
}

/** The invited agent accepts: "Conference", with an "agent joined" system message. Runs inside a mutation (`mutate`). */
export async function joinConference(ctx: PlatformContext, guest: User, offer: Offer): Promise<Conversation> {
  const conversation = ctx.store.get('conversations', offer.conversationId);
  if (!conversation || conversation.conference?.offerId !== offer.id || conversation.status !== 'active') {
    throw new DomainError('conflict', 'conference_gone', 'The conference invitation is no longer valid');
  }
  const now = ctx.clock.now();
  const joined: Conversation = {
    ...conversation,
    conference: { ...conversation.conference, state: 'active', since: now },
  };
  const notice = systemMessage(ctx, conversation.id, `${guest.displayName} joined the conversation`);
  await ctx.store.commit([
    put('offers', { ...offer, status: 'accepted', answeredAt: now }),
    put('conversations', joined),
    put('messages', notice),
  ]);
  announce(ctx, joined, notice);
  return joined;
}

/**
 * A declined or expired invitation: the conference request is withdrawn and the owner carries on.
 * Runs inside a mutation (`mutate`); returns the operations to commit with the offer's own change.
 */
export function withdrawInvitation(
  ctx: PlatformContext,
  offer: Offer,
): { ops: WriteOp<PlatformSchema>[]; after: () => void } {
  const conversation = ctx.store.get('conversations', offer.conversationId);
  if (conversation?.conference?.offerId !== offer.id) return { ops: [], after: () => undefined };
  const { conference: _conference, ...withdrawn } = conversation;
  const notice = systemMessage(
    ctx,
    conversation.id,
    `${displayName(ctx, offer.agentId)} did not join the conversation`,
  );
  return {
    ops: [put('conversations', withdrawn), put('messages', notice)],
    after: () => announce(ctx, withdrawn, notice),
  };
}

/**
 * The conference stops: the guest leaves (or the owner ends it). The conversation continues with
 * the owner; the guest owes a wrap-up for their part.
 */
export function stopConference(
  ctx: PlatformContext,
  agent: User,
  conversationId: string,
  how: 'leave' | 'end',
): Promise<void> {
  return mutate(ctx, async (ctx) => {
    const conversation = agentConversation(ctx, agent, conversationId);
    const conference = conversation.conference;
    if (conference?.state !== 'active')
      throw new DomainError('conflict', 'no_conference', 'This conversation has no active conference');
    if (how === 'leave' && conference.agentId !== agent.id)
      throw new DomainError(
        'forbidden',
        'not_guest',
        'Only the invited agent can leave; the owner ends the conference',
      );
    if (how === 'end' && conversation.agentId !== agent.id)
      throw new DomainError('forbidden', 'not_owner', 'Only the owner can end the conference; leave it instead');
    const guestName = displayName(ctx, conference.agentId);
    const { conference: _conference, ...alone } = conversation;
    const notice = systemMessage(
      ctx,
      conversationId,
      how === 'leave' ? `${guestName} left the conversation` : `${agent.displayName} ended the conference`,
    );
    const wrapUp = pendingWrapUp(ctx, conversationId, conference.agentId, 'conference');
    await ctx.store.commit([put('conversations', alone), put('messages', notice), put('wrapUps', wrapUp)]);
    announce(ctx, alone, notice);
    ctx.events.publish(agentTopic(conference.agentId), 'conversation.removed', { conversationId });
    announceWrapUp(ctx, conference.agentId, wrapUpView(ctx, wrapUp));
  });
}
