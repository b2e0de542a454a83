import * as z from 'zod/mini';
import { slotTimes } from '../../core/config';
import { InvalidInput } from '../../core/errors';
import { MAX_EXTENSION_MINUTES, parseSesiId } from '../../core/sesi';
import { isIsoDate } from '../../core/time';
import { freeText } from '../text-schema';

/** Request shapes of the admin API, with Indonesian messages that name the field. */

const text = (min: number, max: number) => freeText('note', max, min);
const object = <T extends z.core.$ZodLooseShape>(shape: T) => z.object(shape, { error: 'harus objek JSON' });

export const isoDate = z.string({ error: 'harus tanggal YYYY-MM-DD' }).check(z.refine(isIsoDate, 'harus tanggal YYYY-MM-DD'));
const nip = z.string({ error: 'harus NIP 18 angka' }).check(z.regex(/^\d{18}$/, 'harus NIP 18 angka'));
const opdCode = z.string({ error: 'harus kode OPD' }).check(z.trim(), z.toLowerCase(), z.regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'harus kode OPD (huruf kecil, angka, tanda minus)'));

/** A CSV file's text, as the browser read it. */
const csv = z.string({ error: 'harus isi berkas CSV (teks)' }).check(z.minLength(1, 'berkas kosong'));
export const csvBody = object({ csv });

/** The admin's mapping of a roster file: a field's column (null: none), a unit value's OPD. */
const header = z.nullable(z.string({ error: 'harus judul kolom (teks) atau null' }).check(z.maxLength(200, 'paling banyak 200 karakter')));
const pemetaan = object({
  kolom: z.optional(
    object({
      nip: z.optional(header),
      nama: z.optional(header),
      gelarDepan: z.optional(header),
      gelarBelakang: z.optional(header),
      jabatan: z.optional(header),
      opd: z.optional(header),
      status: z.optional(header),
      noHp: z.optional(header),
      peran: z.optional(header),
      kedudukan: z.optional(header),
      kecamatan: z.optional(header),
      alamat: z.optional(header),
    }),
  ),
  opd: z.optional(z.record(z.string().check(z.maxLength(300, 'nilai unit paling banyak 300 karakter')), opdCode)),
});
export const rosterBody = object({ csv, pemetaan: z.optional(pemetaan) });

/** The office e-presensi (usecases/admin/office-attendance.ts): the file, chosen columns, the office's start time. */
export const officeBody = object({
  csv,
  kolom: z.optional(z.partialRecord(z.enum(['nip', 'tanggal', 'masuk', 'pulang'], { error: 'harus nip, tanggal, masuk atau pulang' }), header)),
  jamMasuk: z.optional(z.string({ error: 'harus jam HH:MM' }).check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'harus jam HH:MM, mis. 07:30'))),
});
export const importBody = object({ csv, pemetaan: z.optional(pemetaan), nonaktifkan: z._default(z.array(nip), []) });

/**
 * The roster rules themselves (core/roster.ts) check the values, hidden characters
 * included; here the types, and the OPD code's form, since the OPD is read before them.
 */
export const asnBody = object({
  nip: z.string({ error: 'harus teks' }),
  nama: z.string({ error: 'harus teks' }),
  jabatan: z._default(z.string({ error: 'harus teks' }), ''),
  opd: opdCode,
  status: z.string({ error: 'harus PNS atau PPPK' }),
  noHp: z._default(z.string({ error: 'harus teks' }), ''),
  peran: z._default(z.string({ error: 'harus asn, pimpinan atau admin' }), 'asn'),
  kecamatan: z._default(z.string({ error: 'harus teks' }), ''),
});

export const asnPatchBody = object({
  nama: z.optional(z.string({ error: 'harus teks' })),
  jabatan: z.optional(z.string({ error: 'harus teks' })),
  status: z.optional(z.string({ error: 'harus PNS atau PPPK' })),
  noHp: z.optional(z.string({ error: 'harus teks' })),
  opd: z.optional(opdCode),
  peran: z.optional(z.enum(['asn', 'pimpinan', 'admin'], { error: 'harus asn, pimpinan atau admin' })),
  aktif: z.optional(z.boolean({ error: 'harus true atau false' })),
  kecamatan: z.optional(z.string({ error: 'harus teks' })),
});

export const opdBody = object({ kode: opdCode, nama: z.string({ error: 'harus teks' }), wfa: z.boolean({ error: 'harus true atau false' }) });
export const opdPatchBody = object({ nama: z.string({ error: 'harus teks' }) });
export const wfaBody = object({ wfa: z.boolean({ error: 'harus true atau false' }), sejak: isoDate });

export const holidayBody = object({ jenis: z.string({ error: 'harus libur_nasional atau cuti_bersama' }), keterangan: z.string({ error: 'harus teks' }) });

const reason = text(3, 200);
export const specialDayBody = object({
  tambahan: z.optional(z.nullable(object({ keterangan: text(3, 150) }))),
  batal: z.optional(object({ pagi: z.optional(reason), sore: z.optional(reason) })),
  waktu: z.optional(object({ pagi: z.optional(slotTimes), sore: z.optional(slotTimes) })),
});

export const disruptionBody = z.discriminatedUnion(
  'mode',
  [
    object({
      mode: z.literal('perpanjang'),
      menit: z.number({ error: 'harus angka (menit)' }).check(z.int('harus bilangan bulat'), z.gte(1, 'paling sedikit 1 menit'), z.lte(MAX_EXTENSION_MINUTES, `paling lama ${MAX_EXTENSION_MINUTES} menit`)),
      keterangan: text(3, 300),
    }),
    object({ mode: z.literal('bebaskan'), keterangan: text(3, 300) }),
  ],
  { error: 'mode harus "perpanjang" (dengan menit) atau "bebaskan"' },
);

export const linksBody = object({
  cakupan: z.union([object({ nip }), object({ nips: z.array(nip).check(z.minLength(1, 'paling sedikit satu NIP'), z.maxLength(10_000, 'paling banyak 10.000 NIP')) }), object({ opd: opdCode }), object({ semua: z.literal(true) })], {
    error: 'harus {"nip": …}, {"nips": […]}, {"opd": …} atau {"semua": true}',
  }),
  aksi: z.enum(['terbitkan', 'cabut'], { error: 'harus "terbitkan" atau "cabut"' }),
});

/** A path or query value that must be a date. */
export function dateValue(value: string | undefined, fallback: string, name: string): string {
  if (value === undefined) return fallback;
  if (!isIsoDate(value)) throw new InvalidInput('INPUT_TIDAK_VALID', `${name}: harus tanggal YYYY-MM-DD`);
  return value;
}

export function sesiIdValue(value: string): string {
  if (!parseSesiId(value)) throw new InvalidInput('INPUT_TIDAK_VALID', 'sesi harus berbentuk YYYY-MM-DD.pagi atau YYYY-MM-DD.sore');
  return value;
}

/** `?tahun=`: a four-digit year of this century. */
export function yearValue(value: string | undefined, fallback: string): number {
  const year = value ?? fallback;
  if (!/^20\d\d$/.test(year)) throw new InvalidInput('INPUT_TIDAK_VALID', 'tahun: harus tahun empat angka, mis. 2027');
  return Number(year);
}

/** `?bulan=`: a month `YYYY-MM`. */
export function monthValue(value: string | undefined, fallback: string): string {
  const month = value ?? fallback;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new InvalidInput('INPUT_TIDAK_VALID', 'bulan: harus YYYY-MM');
  return month;
}

/** `?aktif=`: which ASN a roster list shows. */
export function activeFilter(value: string | undefined): 'ya' | 'tidak' | 'semua' {
  const aktif = value ?? 'semua';
  if (aktif !== 'ya' && aktif !== 'tidak' && aktif !== 'semua') throw new InvalidInput('INPUT_TIDAK_VALID', 'aktif: harus ya, tidak atau semua');
  return aktif;
}
