import { addBusinessTime, type BusinessHours } from './business-hours.ts';

export type SlaClockState = 'active' | 'met' | 'breached';

export interface SlaClock {
  state: SlaClockState;
  /** When the target is (or was) due: counted in business hours from the conversation's start. */
  dueAt: number;
  /** When the clock stopped (the first reply, the end): its state is final from then on. */
  stoppedAt?: number;
}

// Due times depend only on start, target and calendar, and every view of a conversation needs
// them: remember them per calendar object (a changed calendar is a new object, so no stale entry).
const dueTimes = new WeakMap<BusinessHours, Map<string, number>>();
const MAX_REMEMBERED = 50_000;

function dueTime(startedAt: number, targetMs: number, hours: BusinessHours): number {
  let remembered = dueTimes.get(hours);
  if (!remembered) {
    remembered = new Map();
    dueTimes.set(hours, remembered);
  }
  const key = `${startedAt}:${targetMs}`;
  let due = remembered.get(key);
  if (due === undefined) {
    due = addBusinessTime(startedAt, targetMs, hours);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(key, due);
  }
  return due;
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
  const dueAt = dueTime(startedAt, targetMs, hours);
  if (doneAt !== undefined) return { state: doneAt <= dueAt ? 'met' : 'breached', dueAt, stoppedAt: doneAt };
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
