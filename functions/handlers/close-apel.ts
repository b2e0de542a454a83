import { requireTables } from '../store/tables';
import { closeApel } from '../usecases/apel-session';
import { countSesi, log, scheduledHandler, scheduledInput } from './scheduled';

requireTables('roster', 'checkins', 'sessions');

/** Scheduled one minute after each slot closes, so check-ins in flight at the closing instant are in. */
export const handler = scheduledHandler(async (event) => {
  const now = new Date();
  const { slot, date } = scheduledInput(event, now);
  const result = await closeApel(date, slot, now);
  countSesi('SesiClosed', slot, result.closed);
  if (!result.closed) {
    log({ message: 'no apel to close', sesiId: result.sesiId });
    return result;
  }
  const expected = result.recaps.reduce((n, r) => n + r.expected, 0);
  const present = result.recaps.reduce((n, r) => n + r.hadir + r.terlambat, 0);
  log({ message: 'apel closed', sesiId: result.sesiId, expected, present });
  return result;
});
