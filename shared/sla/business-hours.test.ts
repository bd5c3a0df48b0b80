import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  type BusinessHours,
  businessHoursSchema,
  businessTimeBetween,
  durationMs,
} from './business-hours.ts';

const nineToFive = [{ start: '09:00', end: '17:00' }];
const madrid: BusinessHours = {
  timeZone: 'Europe/Madrid',
  week: { '1': nineToFive, '2': nineToFive, '3': nineToFive, '4': nineToFive, '5': nineToFive },
  holidays: ['2026-12-25', '2026-01-01'],
};
const splitDay: BusinessHours = {
  timeZone: 'America/New_York',
  week: {
    '1': [
      { start: '13:00', end: '17:00' },
      { start: '08:00', end: '12:00' },
    ],
  },
  holidays: [],
};

const at = (iso: string, zone = 'Europe/Madrid') => DateTime.fromISO(iso, { zone }).toMillis();
const local = (ms: number, zone = 'Europe/Madrid') =>
  DateTime.fromMillis(ms, { zone }).toFormat('ccc yyyy-MM-dd HH:mm');
const hour = 60 * 60_000;

describe('addBusinessTime', () => {
  it.each([
    ['inside the day', '2026-11-18T10:00', hour, 'Wed 2026-11-18 11:00'],
    ['across the night', '2026-11-18T16:30', hour, 'Thu 2026-11-19 09:30'],
    ['Friday 16:30 + 1 h → Monday 09:30', '2026-11-20T16:30', hour, 'Mon 2026-11-23 09:30'],
    ['starting on a Saturday', '2026-11-21T11:00', hour, 'Mon 2026-11-23 10:00'],
    ['starting before opening', '2026-11-18T06:00', 30 * 60_000, 'Wed 2026-11-18 09:30'],
    ['over a holiday (Christmas)', '2026-12-24T16:00', 2 * hour, 'Mon 2026-12-28 10:00'],
    ['ending exactly at closing', '2026-11-18T16:00', hour, 'Wed 2026-11-18 17:00'],
    ['a whole business week', '2026-11-16T09:00', 40 * hour, 'Fri 2026-11-20 17:00'],
    ['zero', '2026-11-21T11:00', 0, 'Sat 2026-11-21 11:00'],
  ])('%s', (_label, start, duration, expected) => {
    expect(local(addBusinessTime(at(start), duration, madrid))).toBe(expected);
  });

  it('counts real hours across a daylight-saving change (Madrid, 25 October 2026)', () => {
    // A 24-hour calendar: the night clocks go back has 25 hours, all of them business time.
    const always: BusinessHours = {
      timeZone: 'Europe/Madrid',
      week: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '23:59' }]])),
      holidays: [],
    };
    const start = at('2026-10-25T00:30');
    expect(local(addBusinessTime(start, 3 * hour, always))).toBe('Sun 2026-10-25 02:30');
    // 09:00–17:00 stays 09:00–17:00 local time on both sides of the change.
    expect(local(addBusinessTime(at('2026-10-23T16:00'), 2 * hour, madrid))).toBe('Mon 2026-10-26 10:00');
    expect(businessTimeBetween(at('2026-10-23T09:00'), at('2026-10-26T17:00'), madrid)).toBe(16 * hour);
  });

  it('uses several intervals per day, in order, in the calendar’s own time zone', () => {
    const monday = (time: string) => at(`2026-11-16T${time}`, 'America/New_York');
    expect(local(addBusinessTime(monday('11:00'), 2 * hour, splitDay), 'America/New_York')).toBe(
      'Mon 2026-11-16 14:00',
    );
    expect(local(addBusinessTime(monday('16:00'), 2 * hour, splitDay), 'America/New_York')).toBe(
      'Mon 2026-11-23 09:00',
    );
  });
});

describe('businessTimeBetween', () => {
  it.each([
    ['same day', '2026-11-18T10:00', '2026-11-18T12:30', 2.5 * hour],
    ['over a weekend', '2026-11-20T16:00', '2026-11-23T10:00', 2 * hour],
    ['entirely outside hours', '2026-11-21T10:00', '2026-11-22T18:00', 0],
    ['backwards', '2026-11-18T12:00', '2026-11-18T10:00', 0],
  ])('%s', (_label, from, to, expected) => {
    expect(businessTimeBetween(at(from), at(to), madrid)).toBe(expected);
  });
});

describe('intervals that end at 24:00 or cross midnight', () => {
  const nights: BusinessHours = {
    timeZone: 'Europe/Madrid',
    week: { '1': [{ start: '22:00', end: '06:00' }], '2': [{ start: '18:00', end: '24:00' }] },
    holidays: [],
  };

  it.each([
    ['Monday 23:00 + 2 h runs past midnight', '2026-11-16T23:00', 2 * hour, 'Tue 2026-11-17 01:00'],
    ['Tuesday 03:00 is inside Monday’s night', '2026-11-17T03:00', hour, 'Tue 2026-11-17 04:00'],
    ['Tuesday 05:30 + 1 h continues at 18:00', '2026-11-17T05:30', hour, 'Tue 2026-11-17 18:30'],
    ['Tuesday 23:30 + 1 h ends at 24:00, then next Monday 22:30', '2026-11-17T23:30', hour, 'Mon 2026-11-23 22:30'],
  ])('%s', (_label, start, duration, expected) => {
    expect(local(addBusinessTime(at(start), duration, nights))).toBe(expected);
    expect(businessHoursSchema.safeParse(nights).success).toBe(true);
  });

  it('never counts overlapping stored intervals twice (Monday 09:00 + 6 h is 15:00, not 14:00)', () => {
    const overlapping: BusinessHours = {
      timeZone: 'Europe/Madrid',
      week: {
        '1': [
          { start: '09:00', end: '13:00' },
          { start: '12:00', end: '17:00' },
        ],
      },
      holidays: [],
    };
    expect(local(addBusinessTime(at('2026-11-16T09:00'), 6 * hour, overlapping))).toBe('Mon 2026-11-16 15:00');
    expect(businessTimeBetween(at('2026-11-16T08:00'), at('2026-11-16T18:00'), overlapping)).toBe(8 * hour);
  });

  it('says which interval it overlaps', () => {
    const result = businessHoursSchema.safeParse({
      ...madrid,
      week: {
        '1': [
          { start: '09:00', end: '13:00' },
          { start: '12:00', end: '17:00' },
        ],
      },
    });
    expect(result.error?.issues[0]?.message).toBe(
      'overlaps 09:00–13:00 of weekday 1: intervals may not overlap (merge them into one)',
    );
  });
});

describe('business hours settings', () => {
  it('converts days, hours and minutes', () => {
    expect(durationMs({ days: 1, hours: 2, minutes: 30 })).toBe((26 * 60 + 30) * 60_000);
  });

  it.each([
    [{ ...madrid, timeZone: 'Mars/Olympus' }, 'timeZone'],
    [
      {
        ...madrid,
        week: {
          '1': [
            { start: '09:00', end: '13:00' },
            { start: '12:00', end: '17:00' },
          ],
        },
      },
      'week.1.1',
    ],
    // Monday's night shift runs into Tuesday's morning.
    [
      {
        ...madrid,
        week: { '1': [{ start: '22:00', end: '06:00' }], '2': [{ start: '05:00', end: '09:00' }] },
      },
      'week.2.0',
    ],
    // Sunday's night shift runs into Monday's.
    [{ ...madrid, week: { '7': [{ start: '20:00', end: '10:00' }], '1': nineToFive } }, 'week.1.0'],
    [{ ...madrid, week: { '1': [{ start: '09:00', end: '24:30' }] } }, 'week.1.0.end'],
    [{ ...madrid, week: { '1': [{ start: '9:00', end: '17:00' }] } }, 'week.1.0.start'],
    [{ ...madrid, holidays: ['25/12/2026'] }, 'holidays.0'],
  ])('refuses an invalid setting, naming %s', (value, path) => {
    const result = businessHoursSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
