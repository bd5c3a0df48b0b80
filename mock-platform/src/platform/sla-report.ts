import { DateTime } from 'luxon';
import { z } from 'zod';
import { fromWaId } from '../../../shared/phone.ts';
import type { PlatformContext } from './context.ts';
import { maskerFor } from './masking.ts';
import type { Conversation } from './records.ts';
import { serviceLevelRowSchema, serviceLevelRows } from './service-level-report.ts';
import { slaOf, slaSettings } from './sla.ts';

const countsSchema = z.object({ met: z.number(), breached: z.number(), active: z.number() });
const rowSchema = z.object({
  key: z.string(),
  label: z.string(),
  firstResponse: countsSchema,
  resolution: countsSchema,
});

export const slaReportSchema = z.object({
  from: z.number(),
  to: z.number(),
  conversations: z.number(),
  byChannel: z.array(rowSchema),
  byQueue: z.array(rowSchema),
  /** Hour of day (0–23, in `timeZone`) the conversation started. */
  byHour: z.array(rowSchema),
  /** Each skill's service level against its target, with its campaign. */
  bySkill: z.array(serviceLevelRowSchema),
  /** Every campaign the skills have (for the report's campaign filter). */
  campaigns: z.array(z.string()),
  /** The campaign the report is limited to, when it is. */
  campaign: z.string().optional(),
  /** The tenant's business-hours time zone, the one hours are counted in (one clock for every channel). */
  timeZone: z.string(),
  breaches: z.array(
    z.object({
      conversationId: z.string(),
      customer: z.string(),
      channelId: z.string(),
      skillId: z.string(),
      channel: z.string(),
      queue: z.string(),
      clock: z.enum(['firstResponse', 'resolution']),
      dueAt: z.number(),
    }),
  ),
});
export type SlaReport = z.infer<typeof slaReportSchema>;
type Row = z.infer<typeof rowSchema>;

/**
 * SLA compliance of the conversations started in [from, to): first response and resolution,
 * met / breached / still running, by channel, by queue and by hour of day, with every breach; each
 * skill's service level against its target, with its campaign; optionally one campaign only.
 */
export function slaReport(
  ctx: PlatformContext,
  from: number,
  to: number,
  /** The conversations to look at (default all); the live boards pass only those that can matter today. */
  candidates: Iterable<Conversation> = ctx.store.all('conversations'),
  /** Only the conversations of skills in this campaign. */
  campaign?: string,
): SlaReport {
  const now = ctx.clock.now();
  const rows = { channel: new Map<string, Row>(), queue: new Map<string, Row>(), hour: new Map<string, Row>() };
  const row = (map: Map<string, Row>, key: string, label: string) => {
    let found = map.get(key);
    if (!found) {
      found = {
        key,
        label,
        firstResponse: { met: 0, breached: 0, active: 0 },
        resolution: { met: 0, breached: 0, active: 0 },
      };
      map.set(key, found);
    }
    return found;
  };
  const breaches: SlaReport['breaches'] = [];
  // Channels may keep hours of their own; the hours of the day are counted on one stated clock.
  const timeZone = slaSettings(ctx.store, '').hours.timeZone;
  let conversations = 0;
  const inPeriod: Conversation[] = [];
  for (const conversation of candidates) {
    if (conversation.createdAt < from || conversation.createdAt >= to) continue;
    if (campaign !== undefined && ctx.store.get('skills', conversation.skillId)?.campaign !== campaign) continue;
    conversations++;
    inPeriod.push(conversation);
    const sla = slaOf(ctx.store, conversation, now);
    const channel = ctx.store.get('channels', conversation.channelId);
    const skill = ctx.store.get('skills', conversation.skillId);
    const hour = DateTime.fromMillis(conversation.createdAt, { zone: timeZone }).hour;
    const targets = [
      row(rows.channel, conversation.channelId, channel?.name ?? conversation.channelId),
      row(rows.queue, conversation.skillId, skill?.name ?? conversation.skillId),
      row(rows.hour, String(hour).padStart(2, '0'), `${String(hour).padStart(2, '0')}:00`),
    ];
    for (const target of targets) {
      target.firstResponse[sla.firstResponse.state]++;
      target.resolution[sla.resolution.state]++;
    }
    for (const clock of ['firstResponse', 'resolution'] as const) {
      if (sla[clock].state !== 'breached') continue;
      breaches.push({
        conversationId: conversation.id,
        customer: maskerFor(ctx.store, conversation).phone(fromWaId(conversation.customerWaId)),
        channelId: conversation.channelId,
        skillId: conversation.skillId,
        channel: channel?.name ?? conversation.channelId,
        queue: skill?.name ?? conversation.skillId,
        clock,
        dueAt: sla[clock].dueAt,
      });
    }
  }
  const sorted = (map: Map<string, Row>) => [...map.values()].sort((a, b) => a.key.localeCompare(b.key));
  return {
    from,
    to,
    conversations,
    byChannel: sorted(rows.channel),
    byQueue: sorted(rows.queue),
    byHour: sorted(rows.hour),
    bySkill: serviceLevelRows(ctx, inPeriod),
    campaigns: [
      ...new Set(ctx.store.all('skills').flatMap((skill) => (skill.campaign ? [skill.campaign] : []))),
    ].sort(),
    ...(campaign !== undefined ? { campaign } : {}),
    timeZone,
    breaches: breaches.sort((a, b) => a.dueAt - b.dueAt),
  };
}
