import * as z from 'zod/mini';
import { EXCUSE_KINDS } from '../../core/attendance';
import { ASSESSMENTS } from '../../core/evaluation';
import { meetingUrl } from '../../core/config';
import { InvalidInput } from '../../core/errors';
import { isIsoDate } from '../../core/time';
import { freeText } from '../text-schema';

/** Request shapes of the heads' API, with Indonesian messages that name the field. */

export const isoDate = z.string({ error: 'harus tanggal YYYY-MM-DD' }).check(z.refine(isIsoDate, 'harus tanggal YYYY-MM-DD'));
const note = (max: number) => freeText('note', max);

export const excuseBody = z.object(
  {
    nip: z.string({ error: 'harus NIP 18 angka' }).check(z.regex(/^\d{18}$/, 'harus NIP 18 angka')),
    jenis: z.enum(EXCUSE_KINDS, { error: `harus salah satu dari: ${EXCUSE_KINDS.join(', ')}` }),
    dari: isoDate,
    sampai: isoDate,
    catatan: z._default(note(500), ''),
  },
  { error: 'harus objek JSON' },
);

export const complianceBody = z.object(
  { patuh: z.boolean({ error: 'harus true atau false' }), catatan: z._default(note(300), '') },
  { error: 'harus objek JSON' },
);

export const assessmentBody = z.object(
  { nilai: z.nullable(z.enum(ASSESSMENTS, { error: `harus salah satu dari: ${ASSESSMENTS.join(', ')}, atau null` })) },
  { error: 'harus objek JSON seperti {"nilai": "sesuai"}' },
);

export const readinessBody = z.object(
  {
    menit: z._default(z.number({ error: 'harus angka (menit)' }).check(z.int('harus bilangan bulat')), 15),
    pesan: z._default(note(200), ''),
  },
  { error: 'harus objek JSON' },
);

export const meetingLinksBody = z.object(
  { pagi: z._default(z.nullable(meetingUrl), null), sore: z._default(z.nullable(meetingUrl), null) },
  { error: 'harus objek JSON' },
);

/** A query-string date, or the fallback when absent. */
export function dateParam(value: string | undefined, fallback: string, name: string): string {
  if (value === undefined) return fallback;
  if (!isIsoDate(value)) throw new InvalidInput('INPUT_TIDAK_VALID', `${name}: harus tanggal YYYY-MM-DD`);
  return value;
}
