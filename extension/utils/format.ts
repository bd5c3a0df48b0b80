import { locale } from './i18n.ts';

/** `mm:ss`, or `h:mm:ss` past an hour: for elapsed-time counters. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/**
 * `2d 13h` / `23h 59m` / `12m` / `45s`: time left (24-hour window, SLA clocks). Always rounded
 * down, so it never promises more time than there is; seconds in the last minute.
 */
export function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) return `${Math.floor(hours / 24)}d ${hours % 24}h`;
  return hours > 0 ? `${hours}h ${String(minutes % 60).padStart(2, '0')}m` : `${minutes}m`;
}

/** `1m 12s` / `45s` under an hour, `3h 05m` past it: how late a clock is or was. */
export function formatLate(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds >= 3600) return formatRemaining(ms);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}m ${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

/** Midnight (local time) of the day `timestamp` falls on: the key of a transcript's day. */
export function dayOf(timestamp: number): number {
  const date = new Date(timestamp);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** `Today` / `Yesterday` / `Mon, Nov 23, 2026`: a transcript's day separator, in the panel's language. */
export function formatDay(
  timestamp: number,
  now: number,
  names: { today: string; yesterday: string },
  language = locale,
): string {
  const day = dayOf(timestamp);
  const today = dayOf(now);
  if (day === today) return names.today;
  if (day === dayOf(today - 12 * 3_600_000)) return names.yesterday;
  return new Date(timestamp).toLocaleDateString(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** A message's time: `10:00` today, with the date (`23 Nov, 10:00`) on any other day. */
export function formatMessageTime(timestamp: number, now: number, language = locale): string {
  if (dayOf(timestamp) === dayOf(now)) return formatTime(timestamp, language);
  const sameYear = new Date(timestamp).getFullYear() === new Date(now).getFullYear();
  return new Date(timestamp).toLocaleString(language, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function formatTime(timestamp: number, language = locale): string {
  return new Date(timestamp).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
}

/** `lun 10:00` / `Mon 10:00 AM`: a due time within the week, in the panel's language. */
export function formatDue(timestamp: number, language = locale): string {
  return new Date(timestamp).toLocaleString(language, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
}
