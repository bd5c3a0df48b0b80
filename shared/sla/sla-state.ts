import { addBusinessTime, type BusinessHours } from './business-hours.ts';

export type SlaClockState = 'active' | 'met' | 'breached';

export interface SlaClock {
  state: SlaClockState;
  /** When the target is (or was) due: counted in business hours from the conversation's start. */
  dueAt: number;
}

export interface SlaPolicy {
  firstResponseMs: number;
  resolutionMs: number;
}

/**
 * One SLA clock: met when `doneAt` came by the due time, breached when it came later or the due
 * time has passed without it, active otherwise.
 */
export function slaClock(
  startedAt: number,
  targetMs: number,
  doneAt: number | undefined,
  now: number,
  hours: BusinessHours,
): SlaClock {
  const dueAt = addBusinessTime(startedAt, targetMs, hours);
  if (doneAt !== undefined) return { state: doneAt <= dueAt ? 'met' : 'breached', dueAt };
  return { state: now > dueAt ? 'breached' : 'active', dueAt };
}

/** First response (the first agent reply) and resolution (the end) of a conversation (SL-2, SL-3). */
export function conversationSla(
  conversation: { createdAt: number; firstResponseAt?: number | undefined; endedAt?: number | undefined },
  policy: SlaPolicy,
  hours: BusinessHours,
  now: number,
): { firstResponse: SlaClock; resolution: SlaClock } {
  return {
    firstResponse: slaClock(conversation.createdAt, policy.firstResponseMs, conversation.firstResponseAt, now, hours),
    resolution: slaClock(conversation.createdAt, policy.resolutionMs, conversation.endedAt, now, hours),
  };
}
