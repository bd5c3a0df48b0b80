import { DateTime } from 'luxon';
import { z } from 'zod';

/** Local time of day, `HH:mm`. */
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:mm');

export const intervalSchema = z
  .object({ start: timeOfDay, end: timeOfDay })
  .refine((interval) => interval.start < interval.end, 'end must be after start');

/** Business hours: a time zone, several intervals per weekday (1 = Monday … 7 = Sunday), holidays. */
export const businessHoursSchema = z.object({
  timeZone: z
    .string()
    .refine((zone) => DateTime.local().setZone(zone).isValid, 'must be an IANA time zone such as Europe/Madrid'),
  week: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), z.array(intervalSchema)),
  /** Local dates (`YYYY-MM-DD`) with no business hours. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

const MAX_DAYS = 3_660;

/** The business intervals of one local day, as instants (DST-aware through the time zone). */
function intervalsOn(day: DateTime, hours: BusinessHours): [number, number][] {
  if (hours.holidays.includes(day.toISODate() ?? '')) return [];
  const intervals = hours.week[String(day.weekday) as keyof BusinessHours['week']] ?? [];
  return intervals
    .map(({ start, end }): [number, number] => {
      const at = (time: string) => {
        const [hour, minute] = time.split(':').map(Number);
        return day.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
      };
      return [at(start), at(end)];
    })
    .sort((a, b) => a[0] - b[0]);
}

/** Walks business intervals from `from` onwards, day by day in the calendar's time zone. */
function* businessIntervals(from: number, hours: BusinessHours): Generator<[number, number]> {
  let day = DateTime.fromMillis(from, { zone: hours.timeZone }).startOf('day');
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    for (const [start, end] of intervalsOn(day, hours)) {
      if (end <= from) continue;
      yield [Math.max(start, from), end];
    }
  }
}

/**
 * The instant at which `durationMs` of business time has passed since `from`. Outside business
 * hours the clock stands still: Friday 16:30 + 1 business hour (9:00–17:00) = Monday 09:30.
 */
export function addBusinessTime(from: number, durationMs: number, hours: BusinessHours): number {
  let left = durationMs;
  if (left <= 0) return from;
  for (const [start, end] of businessIntervals(from, hours)) {
    if (end - start >= left) return start + left;
    left -= end - start;
  }
  throw new RangeError('the business hours have no open time within ten years');
}

/** Business time between two instants (0 when `to` is not after `from`). */
export function businessTimeBetween(from: number, to: number, hours: BusinessHours): number {
  if (to <= from) return 0;
  let total = 0;
  for (const [start, end] of businessIntervals(from, hours)) {
    if (start >= to) break;
    total += Math.min(end, to) - start;
  }
  return total;
}

/** Days, hours and minutes as the administrator enters them (SL-2), in milliseconds. */
export function durationMs({
  days = 0,
  hours = 0,
  minutes = 0,
}: {
  days?: number;
  hours?: number;
  minutes?: number;
}): number {
  return ((days * 24 + hours) * 60 + minutes) * 60_000;
}
