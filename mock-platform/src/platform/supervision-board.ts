import { DateTime } from 'luxon';
import { z } from 'zod';
import { fromWaId } from '../../../shared/phone.ts';
import type { PlatformContext } from './context.ts';
import { agentLoad } from './dispatcher.ts';
import { maskerFor } from './masking.ts';
import { activeConversations } from './participants.ts';
import { channelPermissionsOf } from './permissions.ts';
import type { Conversation, User } from './records.ts';
import { slaOf, slaSettings } from './sla.ts';
import { slaReport } from './sla-report.ts';
import { reasonView, unavailableReasons } from './unavailable-reasons.ts';

/** A running SLA clock is at risk once less than this share of its target is left. */
export const AT_RISK_SHARE = 0.25;

const queueRowSchema = z.object({
  skillId: z.string(),
  skillName: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  /** Queued, not yet offered to anyone. */
  waiting: z.number(),
  /** When the longest-waiting one (queued or offered) began waiting in this queue; absent: none waits. */
  longestWaitingSince: z.number().optional(),
  /** Offered to an agent, not yet accepted. */
  offered: z.number(),
  /** Being worked by an agent. */
  active: z.number(),
  /** Agents with the skill whose role grants Reply on the channel, by what they are doing. */
  agents: z.object({
    available: z.number(),
    /** Available, but owing a wrap-up (a closure reason for a conversation they handed over). */
    afterContactWork: z.number(),
    /** Not taking work, counted by reason (the ids of `reasons`). */
    unavailable: z.array(z.object({ reason: z.string(), count: z.number() })),
  }),
  /** Open conversations whose first-response or resolution clock has less than a quarter of its target left. */
  slaAtRisk: z.number(),
  /** SLA clocks of this queue that fell due unmet today (in the business-hours time zone). */
  breachedToday: z.number(),
});

const agentRowSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  state: z.enum(['available', 'unavailable', 'rona']),
  /** Why she is not taking work (an id of `reasons`); absent while Available and signed in. */
  reason: z.string().optional(),
  /** Since when she is in this state. */
  since: z.number(),
  signedIn: z.boolean(),
  /** Owes a wrap-up (after-contact work). */
  afterContactWork: z.boolean(),
  openConversations: z.number(),
  capacity: z.number(),
  /** Conversations offered to her now, counted against her capacity. */
  load: z.number(),
  /** Her parts in conversations finished today (ended, handed over, left a conference). */
  handledToday: z.number(),
  /** Average from accepting to finishing her part, over today's finished ones; absent: none. */
  averageHandleMs: z.number().optional(),
  /** First-response SLA of the conversations she accepted today. */
  firstResponse: z.object({ met: z.number(), breached: z.number(), active: z.number() }),
});

const liveConversationSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'offered', 'active']),
  /** Masked when the masking setting is on, like every view of customer data. */
  customerName: z.string(),
  customerNumber: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  skillId: z.string(),
  queueName: z.string(),
  agentId: z.string().optional(),
  agentName: z.string().optional(),
  createdAt: z.number(),
  waitingSince: z.number(),
  sla: z.object({
    firstResponse: z.object({ state: z.enum(['active', 'met', 'breached']), dueAt: z.number() }),
    resolution: z.object({ state: z.enum(['active', 'met', 'breached']), dueAt: z.number() }),
  }),
  atRisk: z.boolean(),
});

export const supervisionBoardSchema = z.object({
  /** The server's clock: durations are shown from it. */
  now: z.number(),
  /** Start of today in the tenant's business-hours time zone. */
  today: z.number(),
  masked: z.boolean(),
  queues: z.array(queueRowSchema),
  agents: z.array(agentRowSchema),
  conversations: z.array(liveConversationSchema),
  /** What the actions choose from: queues to reassign to, closure reasons to close with. */
  skills: z.array(z.object({ id: z.string(), name: z.string() })),
  closureReasons: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The reasons an administrator defined, to make an agent Unavailable for (by English name). */
  unavailableReasons: z.array(z.object({ id: z.string(), name: z.string(), nameEs: z.string() })),
  /** The unavailable reasons on the board, named in English and Spanish. */
  reasons: z.array(z.object({ id: z.string(), name: z.string(), nameEs: z.string() })),
});
export type SupervisionBoard = z.infer<typeof supervisionBoardSchema>;
type QueueRow = z.infer<typeof queueRowSchema>;

const open = (conversation: Conversation) => conversation.status !== 'ended';

/** Whether a running clock has less than AT_RISK_SHARE of its target left. */
function atRisk(ctx: PlatformContext, conversation: Conversation, now: number): boolean {
  const sla = slaOf(ctx.store, conversation, now);
  const { policy } = slaSettings(ctx.store, conversation.channelId);
  const risky = (clock: { state: string; dueAt: number }, target: number) =>
    clock.state === 'active' && clock.dueAt - now <= target * AT_RISK_SHARE;
  return (
    (!conversation.firstResponseAt && risky(sla.firstResponse, policy.firstResponseMs)) ||
    risky(sla.resolution, policy.resolutionMs)
  );
}

/**
 * Why an agent is not taking work, as the boards show it: her unavailable reason (`disconnected`,
 * `signed-out` or one she chose), `rona` after an unanswered offer, `signed-out` when she has no
 * session, else `none` (Unavailable without a reason).
 */
function unavailableReason(ctx: PlatformContext, user: User, signedIn: boolean): string | undefined {
  const status = ctx.store.get('agentStatus', user.id);
  if (status?.state === 'available' && signedIn) return undefined;
  if (status?.state === 'rona') return 'rona';
  if (status?.state === 'unavailable' && status.reasonId) return status.reasonId;
  return signedIn ? 'none' : 'signed-out';
}

/** The names of the reasons on the board, in English and Spanish. */
function reasonNames(ctx: PlatformContext, ids: Iterable<string>) {
  const builtIn: Record<string, { name: string; nameEs: string }> = {
    rona: { name: 'No answer to an offer (RONA)', nameEs: 'Sin respuesta a una oferta (RONA)' },
    none: { name: 'Unavailable', nameEs: 'No disponible' },
  };
  return [...new Set(ids)].map((id) => {
    const known = builtIn[id] ?? reasonView(ctx, id);
    return { id, name: known?.name ?? id, nameEs: known?.nameEs ?? known?.name ?? id };
  });
}

/**
 * The supervisor's live picture: every queue (skill × channel) with its waiting and offered
 * conversations, agents by state and SLA risk; every agent with her state, load and today's work;
 * every open conversation (customer data masked as the setting says).
 */
export function supervisionBoard(ctx: PlatformContext): SupervisionBoard {
  const now = ctx.clock.now();
  const zone = slaSettings(ctx.store, '').hours.timeZone;
  const today = DateTime.fromMillis(now, { zone }).startOf('day').toMillis();
  const users = ctx.store.all('users').filter((user) => user.role === 'agent');
  const signedIn = new Set(
    ctx.store
      .all('sessions')
      .filter((session) => session.expiresAt > now && session.kind !== 'refresh')
      .map((session) => session.userId),
  );
  const owesWrapUp = new Set(
    ctx.store
      .all('wrapUps')
      .filter((wrapUp) => wrapUp.status === 'pending')
      .map((wrapUp) => wrapUp.agentId),
  );
  const live = [
    ...ctx.store.where('conversations', 'status', 'queued'),
    ...ctx.store.where('conversations', 'status', 'offered'),
    ...ctx.store.where('conversations', 'status', 'active'),
  ].filter(open);

  // Breaches that fell due today, from the SLA report. A clock due today and missed belongs to a
  // conversation still open or ended today (ended ones stay `unarchived` for days).
  const endedToday = ctx.store
    .where('conversations', 'unarchived', 'ended')
    .filter((conversation) => (conversation.endedAt ?? 0) >= today);
  const breaches = slaReport(ctx, 0, now + 1, [...live, ...endedToday]).breaches.filter(
    (breach) => breach.dueAt >= today && breach.dueAt <= now,
  );

  const channels = ctx.store.all('channels').filter((channel) => !channel.deletedAt);
  const queues: QueueRow[] = [];
  for (const skill of ctx.store.all('skills')) {
    for (const channel of channels) {
      const here = live.filter((c) => c.skillId === skill.id && c.channelId === channel.id);
      const staffed = users.filter(
        (user) =>
          user.skills.some((s) => s.skillId === skill.id) &&
          (channelPermissionsOf(ctx.store, user, channel.id)?.includes('reply') ?? false),
      );
      // A queue nobody works and nothing waits in is noise on the board.
      if (here.length === 0 && staffed.length === 0 && channel.defaultSkillId !== skill.id) continue;
      const waitingSince = here
        .filter((c) => c.status !== 'active')
        .map((c) => c.skillQueuedAt ?? c.queuedAt)
        .sort((a, b) => a - b)[0];
      const reasons = new Map<string, number>();
      let available = 0;
      let afterContactWork = 0;
      for (const user of staffed) {
        const reason = unavailableReason(ctx, user, signedIn.has(user.id));
        if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        else if (owesWrapUp.has(user.id)) afterContactWork++;
        else available++;
      }
      queues.push({
        skillId: skill.id,
        skillName: skill.name,
        channelId: channel.id,
        channelName: channel.name,
        waiting: here.filter((c) => c.status === 'queued').length,
        ...(waitingSince !== undefined ? { longestWaitingSince: waitingSince } : {}),
        offered: here.filter((c) => c.status === 'offered').length,
        active: here.filter((c) => c.status === 'active').length,
        agents: {
          available,
          afterContactWork,
          unavailable: [...reasons].map(([reason, count]) => ({ reason, count })),
        },
        slaAtRisk: here.filter((c) => atRisk(ctx, c, now)).length,
        // Conversations, not clocks: one that missed both its first response and its resolution counts once.
        breachedToday: new Set(
          breaches.filter((b) => b.skillId === skill.id && b.channelId === channel.id).map((b) => b.conversationId),
        ).size,
      });
    }
  }

  const agents = users.map((user) => {
    const status = ctx.store.get('agentStatus', user.id);
    const reason = unavailableReason(ctx, user, signedIn.has(user.id));
    const finished = ctx.store
      .where('wrapUps', 'agentId', user.id)
      .filter((wrapUp) => wrapUp.createdAt >= today && wrapUp.createdAt <= now);
    const accepted = ctx.store
      .where('offers', 'agentId', user.id)
      .filter((offer) => offer.status === 'accepted' && offer.purpose !== 'conference' && offer.answeredAt);
    const handleTimes = finished.flatMap((wrapUp) => {
      const start = accepted
        .filter(
          (offer) => offer.conversationId === wrapUp.conversationId && (offer.answeredAt ?? 0) <= wrapUp.createdAt,
        )
        .map((offer) => offer.answeredAt ?? 0)
        .sort((a, b) => b - a)[0];
      return start === undefined ? [] : [wrapUp.createdAt - start];
    });
    const firstResponse = { met: 0, breached: 0, active: 0 };
    for (const conversationId of new Set(
      accepted.filter((offer) => (offer.answeredAt ?? 0) >= today).map((offer) => offer.conversationId),
    )) {
      const conversation = ctx.store.get('conversations', conversationId);
      if (conversation) firstResponse[slaOf(ctx.store, conversation, now).firstResponse.state]++;
    }
    return {
      id: user.id,
      displayName: user.displayName,
      state: status?.state ?? ('unavailable' as const),
      ...(reason ? { reason } : {}),
      since: status?.since ?? 0,
      signedIn: signedIn.has(user.id),
      afterContactWork: owesWrapUp.has(user.id),
      openConversations: activeConversations(ctx, user.id).length,
      capacity: user.capacity,
      load: agentLoad(ctx, user.id),
      handledToday: finished.length,
      ...(handleTimes.length
        ? { averageHandleMs: Math.round(handleTimes.reduce((sum, ms) => sum + ms, 0) / handleTimes.length) }
        : {}),
      firstResponse,
    };
  });

  const conversations = live
    .map((conversation) => {
      const mask = maskerFor(ctx.store, conversation);
      const agent = conversation.agentId ? ctx.store.get('users', conversation.agentId) : undefined;
      const sla = slaOf(ctx.store, conversation, now);
      return {
        id: conversation.id,
        status: conversation.status as 'queued' | 'offered' | 'active',
        customerName: mask.name(conversation.customerName),
        customerNumber: mask.phone(fromWaId(conversation.customerWaId)),
        channelId: conversation.channelId,
        channelName: ctx.store.get('channels', conversation.channelId)?.name ?? conversation.channelId,
        skillId: conversation.skillId,
        queueName: ctx.store.get('skills', conversation.skillId)?.name ?? conversation.skillId,
        ...(agent ? { agentId: agent.id, agentName: agent.displayName } : {}),
        createdAt: conversation.createdAt,
        waitingSince: conversation.skillQueuedAt ?? conversation.queuedAt,
        sla,
        atRisk: atRisk(ctx, conversation, now),
      };
    })
    .sort((a, b) => a.waitingSince - b.waitingSince);

  return {
    now,
    today,
    masked: ctx.store.get('settings', 'tenant')?.maskSensitiveData ?? false,
    queues: queues.sort((a, b) => a.skillName.localeCompare(b.skillName) || a.channelName.localeCompare(b.channelName)),
    agents: agents.sort((a, b) => a.displayName.localeCompare(b.displayName)),
    conversations,
    skills: ctx.store
      .all('skills')
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    closureReasons: ctx.store.all('closureReasons').map(({ id, name }) => ({ id, name })),
    unavailableReasons: unavailableReasons(ctx),
    reasons: reasonNames(
      ctx,
      agents.flatMap((row) => (row.reason ? [row.reason] : [])),
    ),
  };
}
