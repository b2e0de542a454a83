import { requireTables } from '../store/tables';
import { closeApel } from '../usecases/apel-session';
import { log, scheduledInput } from './scheduled';

requireTables('roster', 'checkins', 'sessions');

/** Scheduled one minute after each slot closes, so check-ins in flight at the closing instant are in. */
export async function handler(event: unknown) {
  const now = new Date();
  const { slot, date } = scheduledInput(event, now);
  const result = await closeApel(date, slot, now);
  if (!result.closed) {
    log({ message: 'no apel to close', sesiId: result.sesiId });
    return result;
  }
  const expected = result.recaps.reduce((n, r) => n + r.expected, 0);
  const present = result.recaps.reduce((n, r) => n + r.hadir + r.terlambat, 0);
  log({ message: 'apel closed', sesiId: result.sesiId, expected, present });
  return result;
}
