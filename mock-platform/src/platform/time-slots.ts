import { DateTime } from 'luxon';
import type { Issue } from './domain-errors.ts';

/**
 * A time-slot picker offers customers times to choose from (`2026-11-23T10:00`, local to the
 * tenant's business-hours zone): each must be a real time (not 31 February or 24:30), still to
 * come, and offered once. Checked when the rich message is saved; `path` names the list.
 */
export function timeSlotIssues(slots: readonly string[], now: number, zone: string, path: string): Issue[] {
  const seen = new Set<number>();
  return slots.flatMap((slot, index): Issue[] => {
    const at = DateTime.fromISO(slot, { zone });
    const where = `${path}.${index}`;
    if (!at.isValid) return [{ path: where, message: `${slot} is not a real date and time` }];
    if (at.toMillis() <= now) return [{ path: where, message: `${slot} is in the past` }];
    if (seen.has(at.toMillis())) return [{ path: where, message: `${slot} is listed twice` }];
    seen.add(at.toMillis());
    return [];
  });
}
