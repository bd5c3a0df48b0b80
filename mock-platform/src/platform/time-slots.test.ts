import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { timeSlotIssues } from './time-slots.ts';

const zone = 'Europe/Madrid';
const now = DateTime.fromISO('2026-12-02T09:30', { zone }).toMillis();

describe('time slots offered to customers', () => {
  it.each([
    [['2026-12-02T10:00', '2026-12-03T16:30'], []],
    [['2026-02-30T10:00'], ['2026-02-30T10:00 is not a real date and time']],
    [['2026-12-02T24:30'], ['2026-12-02T24:30 is not a real date and time']],
    [['2026-12-02T09:30'], ['2026-12-02T09:30 is in the past']],
    [['2026-12-01T18:00'], ['2026-12-01T18:00 is in the past']],
    [['2026-12-04T10:00', '2026-12-04T10:00'], ['2026-12-04T10:00 is listed twice']],
  ])('%j → %j', (slots, messages) => {
    expect(timeSlotIssues(slots, now, zone, 'content.slots').map((issue) => issue.message)).toEqual(messages);
  });

  it('names the slot it refuses', () => {
    expect(timeSlotIssues(['2026-12-04T10:00', '2026-11-04T10:00'], now, zone, 'content.slots')).toEqual([
      { path: 'content.slots.1', message: '2026-11-04T10:00 is in the past' },
    ]);
  });

  it('reads slots in the tenant’s zone: 10:00 in Madrid has passed when it is 09:30 in London', () => {
    const london = DateTime.fromISO('2026-12-02T09:30', { zone: 'Europe/London' }).toMillis();
    expect(timeSlotIssues(['2026-12-02T10:00'], london, zone, 's')).toEqual([
      { path: 's.0', message: '2026-12-02T10:00 is in the past' },
    ]);
  });
});
