import { requireTables } from '../store/tables';
import { tickApelClock } from '../usecases/apel-clock';
import { config } from './runtime-config';
import { countSesi, log, scheduledHandler, scheduledInput } from './scheduled';

requireTables('roster', 'calendar', 'sessions', 'checkins');

/**
 * The apel clock, every minute: opens each planned apel when its window begins and
 * closes it (writing the recap) one minute after its window ends, following the
 * calendar as it is at that minute. See core/apel-jobs.ts.
 */
export const handler = scheduledHandler(async (event) => {
  scheduledInput(event);
  const now = new Date();
  const { actions, closed } = await tickApelClock(config, now);
  for (const a of actions) {
    if (a.action === 'open') {
      countSesi('SesiOpened', a.plan.slot, true);
      log({ message: 'apel opened', sesiId: a.plan.id });
    } else {
      countSesi('SesiClosed', a.slot, true);
    }
  }
  for (const c of closed) {
    const expected = c.recaps.reduce((n, r) => n + r.expected, 0);
    const present = c.recaps.reduce((n, r) => n + r.hadir + r.terlambat, 0);
    log({ message: 'apel closed', sesiId: c.sesiId, expected, present });
  }
  return { opened: actions.flatMap((a) => (a.action === 'open' ? [a.plan.id] : [])), closed: closed.map((c) => c.sesiId) };
});
