import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { BusinessHours } from './business-hours.ts';
import { conversationSla, slaClock } from './sla-state.ts';

const hours: BusinessHours = {
  timeZone: 'America/New_York',
  week: Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])),
  holidays: ['2026-11-26'],
};
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toMillis();
const hour = 60 * 60_000;

describe('slaClock', () => {
  it.each([
    ['active before the due time', undefined, '2026-11-18T10:30', 'active'],
    ['breached once the due time has passed', undefined, '2026-11-18T11:01', 'breached'],
    ['met when done in time', '2026-11-18T10:59', '2026-11-19T12:00', 'met'],
    ['breached when done late', '2026-11-18T11:30', '2026-11-18T11:30', 'breached'],
  ])('%s', (_label, doneAt, now, state) => {
    const clock = slaClock(at('2026-11-18T10:00'), hour, doneAt ? at(doneAt) : undefined, at(now), hours);
    // A stopped clock says when it stopped: its state is fixed at that time, not at `now`.
    expect(clock).toEqual({
      state,
      dueAt: at('2026-11-18T11:00'),
      ...(doneAt ? { stoppedAt: at(doneAt) } : {}),
    });
  });

  it('stands still outside business hours: a Friday-evening contact is due on Monday', () => {
    const clock = slaClock(at('2026-11-20T18:00'), hour, undefined, at('2026-11-21T12:00'), hours);
    expect(clock).toEqual({ state: 'active', dueAt: at('2026-11-23T10:00') });
  });

  it('skips a holiday (Thanksgiving)', () => {
    expect(slaClock(at('2026-11-25T16:30'), hour, undefined, at('2026-11-25T16:30'), hours).dueAt).toBe(
      at('2026-11-27T09:30'),
    );
  });
});

describe('conversationSla', () => {
  it('measures first response and resolution separately', () => {
    const sla = conversationSla(
      { createdAt: at('2026-11-18T10:00'), firstResponseAt: at('2026-11-18T10:20') },
      { firstResponseMs: hour, resolutionMs: 8 * hour },
      hours,
      at('2026-11-18T12:00'),
    );
    expect(sla.firstResponse.state).toBe('met');
    expect(sla.resolution).toEqual({ state: 'active', dueAt: at('2026-11-19T10:00') });
  });
});
