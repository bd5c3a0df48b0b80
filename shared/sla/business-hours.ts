import { DateTime } from 'luxon';
import { z } from 'zod';

/** Local time of day, `HH:mm`. */
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:mm');

/**
 * One opening interval of a weekday. It may end at `24:00`; an end at or before the start runs
 * past midnight into the next day (22:00–06:00, or 00:00–00:00 for the whole day).
 */
export const intervalSchema = z.object({
  start: timeOfDay,
  end: z.union([timeOfDay, z.literal('24:00')], { error: 'must be a time of day as HH:mm, or 24:00' }),
});
type Interval = z.infer<typeof intervalSchema>;

const DAY_MINUTES = 24 * 60;
const WEEK_MINUTES = 7 * DAY_MINUTES;
const minutesOf = (time: string) => {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return hour * 60 + minute;
};

/** Start and end of an interval in minutes after its day's midnight; the end may pass 24:00. */
function minutesSpan({ start, end }: Interval): [number, number] {
  const from = minutesOf(start);
  const to = minutesOf(end);
  return [from, to <= from ? to + DAY_MINUTES : to];
}

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const storedWeekSchema = z.partialRecord(z.enum(WEEKDAYS), z.array(intervalSchema));
const weekSchema = storedWeekSchema
  // Overlapping intervals would count the same minutes twice (09:00–13:00 and 12:00–17:00 made
  // Monday 09:00 + 6 business hours end at 14:00), also across midnight and from Sunday to Monday.
  .superRefine((week, ctx) => {
    const spans = WEEKDAYS.flatMap((day, d) =>
      (week[day] ?? []).map((interval, index) => {
        const [from, to] = minutesSpan(interval);
        return { day, index, interval, from: d * DAY_MINUTES + from, to: d * DAY_MINUTES + to };
      }),
    );
    // Sunday's interval that runs past midnight reaches Monday: compare it with Monday's too.
    const wrapped = spans.map((span) => ({ ...span, from: span.from + WEEK_MINUTES, to: span.to + WEEK_MINUTES }));
    const all = [...spans, ...wrapped].sort((a, b) => a.from - b.from);
    const reported = new Set<string>();
    for (let i = 1; i < all.length; i++) {
      const earlier = all[i - 1];
      const later = all[i];
      if (!earlier || !later || later.from >= earlier.to) continue;
      const key = `${later.day}.${later.index}`;
      if (reported.has(key) || (earlier.day === later.day && earlier.index === later.index)) continue;
      reported.add(key);
      ctx.addIssue({
        code: 'custom',
        path: [later.day, later.index],
        message: `overlaps ${earlier.interval.start}–${earlier.interval.end} of weekday ${earlier.day}: intervals may not overlap (merge them into one)`,
      });
    }
  });

/**
 * Business hours as stored. Rows saved before overlaps were refused may still hold them: they are
 * read as they are, and the clock merges overlapping intervals instead of counting them twice.
 */
export const storedBusinessHoursSchema = z.object({
  timeZone: z
    .string()
    .refine((zone) => DateTime.local().setZone(zone).isValid, 'must be an IANA time zone such as Europe/Madrid'),
  week: storedWeekSchema,
  /** Local dates (`YYYY-MM-DD`) with no business hours. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')),
});
export type BusinessHours = z.infer<typeof storedBusinessHoursSchema>;

/** Business hours as an administrator saves them: a time zone, intervals per weekday (1 = Monday … 7 = Sunday) that do not overlap, holidays. */
export const businessHoursSchema = storedBusinessHoursSchema.extend({ week: weekSchema });

const MAX_DAYS = 3_660;

/**
 * The business intervals that start on one local day, as instants (DST-aware through the time
 * zone); one that runs past midnight ends on the next day. A holiday is the day an interval starts on.
 */
function intervalsOn(day: DateTime, hours: BusinessHours): [number, number][] {
  if (hours.holidays.includes(day.toISODate() ?? '')) return [];
  const intervals = hours.week[String(day.weekday) as keyof BusinessHours['week']] ?? [];
  const at = (minutes: number) =>
    day
      .plus({ days: Math.floor(minutes / DAY_MINUTES) })
      .set({ hour: Math.floor((minutes % DAY_MINUTES) / 60), minute: minutes % 60, second: 0, millisecond: 0 })
      .toMillis();
  return intervals
    .map((interval): [number, number] => {
      const [from, to] = minutesSpan(interval);
      return [at(from), at(to)];
    })
    .sort((a, b) => a[0] - b[0]);
}

/** Walks business intervals from `from` onwards, day by day in the calendar's time zone. */
function* businessIntervals(from: number, hours: BusinessHours): Generator<[number, number]> {
  // From the day before: its interval may run past midnight into `from`'s day.
  let day = DateTime.fromMillis(from, { zone: hours.timeZone }).startOf('day').minus({ days: 1 });
  // Starts never decrease (by day, then sorted within a day), so overlapping intervals merge here.
  let open: [number, number] | undefined;
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    for (const [start, end] of intervalsOn(day, hours)) {
      if (end <= from) continue;
      const clipped: [number, number] = [Math.max(start, from), end];
      if (open && clipped[0] <= open[1]) {
        open[1] = Math.max(open[1], clipped[1]);
        continue;
      }
      if (open) yield open;
      open = clipped;
    }
  }
  if (open) yield open;
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
