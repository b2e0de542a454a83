/**
 * Times shown in the regency's zone (from the API), never the browser's; and the server's
 * clock, estimated from `now` in `/api/me`, for countdowns.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function format(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('id-ID', options);
    formatters.set(key, f);
  }
  return f;
}

/** `07.12.03` */
export function clockTime(iso: string, timeZone: string): string {
  return format({ timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso));
}

/** `07.30` */
export function hourMinute(iso: string, timeZone: string): string {
  return format({ timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** A calendar date `YYYY-MM-DD` as an instant at noon UTC, so that formatting in UTC shows that date. */
function calendar(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** `Sen, 30 Nov` */
export function shortDate(date: string): string {
  const parts = format({ timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).formatToParts(calendar(date));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')}, ${part('day')} ${part('month')}`;
}

/** `Senin, 30 November 2026` */
export function longDate(date: string): string {
  return format({ timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(calendar(date));
}

/** The calendar date `YYYY-MM-DD` of an instant (epoch ms) in the zone. */
export function dateIn(ms: number, timeZone: string): string {
  const parts = format({ timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Time left as `12:34` (minutes:seconds) or `1:02:03` from an hour on; never negative. */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  // The next apel may be days away (a Friday before a Monday): days read better than 62 hours.
  if (days > 0) return `${days} hari ${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/** Time left in words for screen readers: `1 jam 2 menit`, `12 menit`, `40 detik`. */
export function countdownWords(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  if (days > 0) return hours > 0 ? `${days} hari ${hours} jam` : `${days} hari`;
  if (hours > 0) return minutes > 0 ? `${hours} jam ${minutes} menit` : `${hours} jam`;
  if (minutes > 0) return `${minutes} menit`;
  return `${total} detik`;
}
