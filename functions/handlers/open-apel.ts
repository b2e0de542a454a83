import { requireTables } from '../store/tables';
import { openApel } from '../usecases/apel-session';
import { config } from './runtime-config';
import { countSesi, log, scheduledHandler, scheduledInput } from './scheduled';

requireTables('calendar', 'sessions');

/**
 * Scheduled at each slot's opening time every day; opens the sesi only when the date
 * is a WFA day and not a holiday, so the calendar can change without redeploying.
 */
export const handler = scheduledHandler(async (event) => {
  const now = new Date();
  const { slot, date } = scheduledInput(event, now);
  const result = await openApel(config, date, slot, now);
  log({ message: result.opened ? 'apel opened' : 'apel not opened', date, slot, ...result });
  countSesi('SesiOpened', slot, result.opened);
  return result;
});
