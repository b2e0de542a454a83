/**
 * The server's clock: the only clock the rules trust (design card, hot path). On Lambda
 * it is the system clock. The local runtime can start it at a chosen instant
 * (`APEL_CLOCK_START`, an ISO time, or `setServerClock`) and it then runs on at real
 * speed, so a test or a demo can be "Monday 07:15 WITA" on any day of the week.
 */
let offsetMs = 0;

export function serverNow(): Date {
  return new Date(Date.now() + offsetMs);
}

/** From now on, the clock reads `instant` and runs on from it. */
export function setServerClock(instant: Date): void {
  offsetMs = instant.getTime() - Date.now();
}

export function resetServerClock(): void {
  offsetMs = 0;
}

const start = process.env.APEL_CLOCK_START;
if (start) {
  const instant = new Date(start);
  if (Number.isNaN(instant.getTime())) throw new Error(`APEL_CLOCK_START is not an ISO time: ${start}`);
  setServerClock(instant);
}
