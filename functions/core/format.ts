import { zoneLabel } from './config';
import { localTime } from './time';

/** "08.00 WITA": the way a time is written in Indonesian, in the regency's zone. */
export function clockIn(timeZone: string): (instant: Date) => string {
  const label = zoneLabel(timeZone);
  return (instant) => `${localTime(instant, timeZone).slice(0, 5).replace(':', '.')} ${label}`;
}
