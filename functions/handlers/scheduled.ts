import * as z from 'zod/mini';
import { InvalidInput } from '../core/errors';
import { isIsoDate, localDate } from '../core/time';
import { config } from './runtime-config';

/**
 * Input of the open and close handlers, as EventBridge Scheduler (or the local
 * scheduler) sends it: `{ "slot": "pagi" }`. `date` is for an operator re-running a
 * day by hand; by default it is today in the regency's zone.
 */
const input = z.object({
  slot: z.enum(['pagi', 'sore', 'demo']),
  date: z.optional(z.string().check(z.refine(isIsoDate, 'harus tanggal YYYY-MM-DD'))),
});

export function scheduledInput(event: unknown, now: Date) {
  const parsed = input.safeParse(event);
  if (!parsed.success) {
    throw new InvalidInput('INPUT_TIDAK_VALID', `Masukan jadwal tidak valid: ${JSON.stringify(event)}`);
  }
  return { slot: parsed.data.slot, date: parsed.data.date ?? localDate(now, config.timeZone) };
}

export function log(fields: Record<string, unknown>): void {
  console.log(JSON.stringify({ level: 'INFO', ...fields }));
}
