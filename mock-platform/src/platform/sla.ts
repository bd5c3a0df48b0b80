import type { BusinessHours } from '../../../shared/sla/business-hours.ts';
import { conversationSla, type SlaPolicy } from '../../../shared/sla/sla-state.ts';
import type { Store } from '../store/store.ts';
import type { Conversation, PlatformSchema } from './records.ts';

/** Used until an administrator sets the SLA: first response in 30 minutes, resolution in 8 hours. */
export const DEFAULT_SLA: SlaPolicy = { firstResponseMs: 30 * 60_000, resolutionMs: 8 * 60 * 60_000 };

const weekdays = [{ start: '09:00', end: '17:00' }];
/** Used until an administrator sets business hours: weekdays 9 to 5, New York time (the demo number's). */
export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  timeZone: 'America/New_York',
  week: { '1': weekdays, '2': weekdays, '3': weekdays, '4': weekdays, '5': weekdays },
  holidays: [],
};

/** The SLA and business hours that apply to a channel: its own, else the tenant's, else defaults. */
export function slaSettings(
  store: Store<PlatformSchema>,
  channelId: string,
): { policy: SlaPolicy; hours: BusinessHours } {
  const settings = store.get('settings', 'tenant');
  const channel = store.get('channels', channelId);
  return {
    policy: channel?.sla ?? settings?.sla ?? DEFAULT_SLA,
    hours: channel?.businessHours ?? settings?.businessHours ?? DEFAULT_BUSINESS_HOURS,
  };
}

export function slaOf(store: Store<PlatformSchema>, conversation: Conversation, now: number) {
  const { policy, hours } = slaSettings(store, conversation.channelId);
  return conversationSla(conversation, policy, hours, now);
}
