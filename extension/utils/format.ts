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

/** `2d 13h` / `23h 59m` / `12m`: for time left (24-hour window, SLA clocks). */
export function formatRemaining(ms: number): string {
  const minutes = Math.max(0, Math.ceil(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) return `${Math.floor(hours / 24)}d ${hours % 24}h`;
  return hours > 0 ? `${hours}h ${String(minutes % 60).padStart(2, '0')}m` : `${minutes}m`;
}

export function formatTime(timestamp: number, language = locale): string {
  return new Date(timestamp).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
}

/** `lun 10:00` / `Mon 10:00 AM`: a due time within the week, in the panel's language. */
export function formatDue(timestamp: number, language = locale): string {
  return new Date(timestamp).toLocaleString(language, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
}
