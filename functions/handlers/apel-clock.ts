import type { SesiPlan } from '../core/sesi';
import { parseSesiId } from '../core/sesi';
import { serverNow } from '../runtime/clock';
import { requireFunctionTables } from '../manifest';
import type { Closed } from '../usecases/apel-clock';
import { tickApelClock } from '../usecases/apel-clock';
import { closeApel } from '../usecases/apel-session';
import { config } from './runtime-config';
import { countSesi, log, scheduledHandler, scheduledInput } from './scheduled-handler';

requireFunctionTables('apelClock');

/**
 * The apel clock, every minute: opens each planned apel when its window begins and
 * closes it (writing the recap) one minute after its window ends, following the
 * calendar as it is at that minute (see core/apel-jobs.ts). With `{ "tutup": sesiId }`
 * an operator closes one sesi of an older day by hand.
 */
export const handler = scheduledHandler(async (event) => {
  const { tutup } = scheduledInput(event);
  const now = serverNow();
  if (tutup) {
    const { date, slot } = parseSesiId(tutup)!;
    return report([], [await closeApel(date, slot, now)]);
  }
  const { opened, closed, reminders } = await tickApelClock(config, now);
  for (const queued of reminders) log({ message: 'reminder queued', reminder: queued });
  return report(opened, closed);
});

function report(opened: SesiPlan[], closed: Closed[]) {
  for (const plan of opened) {
    countSesi('SesiOpened', plan.slot, true);
    log({ message: 'apel opened', sesiId: plan.id });
  }
  for (const c of closed.filter((x) => x.closed)) {
    countSesi('SesiClosed', parseSesiId(c.sesiId)?.slot ?? '', true);
    const expected = c.recaps.reduce((n, r) => n + r.expected, 0);
    const present = c.recaps.reduce((n, r) => n + r.hadir + r.terlambat, 0);
    log({ message: 'apel closed', sesiId: c.sesiId, expected, present });
  }
  return { opened: opened.map((p) => p.id), closed: closed.filter((c) => c.closed).map((c) => c.sesiId) };
}
