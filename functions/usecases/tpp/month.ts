import type { TppAsn, TppMonth, TppOpdSummary, TppRegency } from '../../../contract';
import type { Code } from '../../core/attendance';
import { CODES, codeTotals } from '../../core/attendance';
import type { ApelConfig } from '../../core/config';
import { csvFile, id } from '../../core/csv-writer';
import { InvalidInput } from '../../core/errors';
import { wfaOn } from '../../core/opd';
import type { Opd } from '../../core/roster';
import { sesiId } from '../../core/sesi';
import type { TlBand } from '../../core/tpp';
import { monthRange, TL_BANDS, tppRow } from '../../core/tpp';
import type { IsoDate } from '../../core/time';
import { addDays, localDate } from '../../core/time';
import { listOpds } from '../../store/roster-store';
import { getSesiMany } from '../../store/sesi-store';
import type { SesiReader } from '../opd/recaps';
import { opdRecapsWithLateness } from '../opd/recaps';

/**
 * The TPP month (Rekap TPP) of one OPD or the whole regency: the heads' recaps of the month
 * (usecases/opd/recaps.ts, so the codes are the same numbers a head sees for the same days),
 * with the minutes late of each TL in its band and the deduction of the regency's rules
 * (core/tpp.ts, config `tpp`). Reads per OPD one BatchGet of its recap items (by key: date ×
 * slot × OPD) and one Query of its excuses; the month's sesi records once for all OPDs; never a
 * scan, never one read per ASN.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** OPDs read at the same time for the regency's month. */
const PARALLEL_OPDS = 6;

/** The month of a `bulan` query (YYYY-MM; default the current one), and its dates up to today. */
export function tppMonthOf(bulan: string | undefined, now: Date, config: ApelConfig): { bulan: string; dari: IsoDate; sampai: IsoDate } {
  const today = localDate(now, config.timeZone);
  const month = bulan ?? today.slice(0, 7);
  if (!MONTH.test(month)) throw new InvalidInput('BULAN_TIDAK_VALID', 'bulan: harus berbentuk YYYY-MM, contoh 2026-11.');
  if (month > today.slice(0, 7)) throw new InvalidInput('BULAN_TIDAK_VALID', 'bulan: bulan ini belum berjalan; pilih bulan ini atau sebelumnya.');
  const { dari, sampai } = monthRange(month);
  return { bulan: month, dari, sampai: sampai < today ? sampai : today };
}

/** Reads the month's sesi records once and answers every OPD's request from them. */
function monthSesiReader(dari: IsoDate, sampai: IsoDate): SesiReader {
  const ids: string[] = [];
  for (let d = dari; d <= sampai; d = addDays(d, 1)) ids.push(sesiId(d, 'pagi'), sesiId(d, 'sore'));
  let all: ReturnType<typeof getSesiMany> | undefined;
  return async (wanted) => {
    all ??= getSesiMany(ids);
    const set = new Set(wanted);
    return (await all).filter((s) => set.has(s.id));
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function summaryOf(kode: string, nama: string, wfa: boolean, apel: number, rows: readonly TppAsn[]): TppOpdSummary {
  const jumlah = codeTotals([]);
  const tl: Record<TlBand, number> = { TL1: 0, TL2: 0, TL3: 0, TL4: 0 };
  let luring = 0;
  for (const r of rows) {
    luring += r.luring;
    for (const c of CODES) jumlah[c] += r.jumlah[c];
    for (const b of TL_BANDS) tl[b] += r.tl[b];
  }
  return {
    kode,
    nama,
    wfa,
    asn: rows.length,
    apel,
    jumlah,
    tl,
    luring,
    kenaPotongan: rows.filter((r) => r.potongan > 0).length,
    rataPotongan: rows.length === 0 ? 0 : round2(rows.reduce((s, r) => s + r.potongan, 0) / rows.length),
  };
}

async function opdMonth(opd: Opd, dari: IsoDate, sampai: IsoDate, config: ApelConfig, readSesi: SesiReader) {
  const { recaps, menit, luring } = await opdRecapsWithLateness(opd, dari, sampai, readSesi);
  const asn: TppAsn[] = recaps.asn.map((a) => {
    const row = tppRow(Object.values(a.kode) as Code[], [...(menit.get(a.nip)?.values() ?? [])], config.tpp);
    return { nip: a.nip, nama: a.nama, jabatan: a.jabatan, opd: opd.kode, jumlah: row.jumlah, tl: row.tl, menitTerlambat: row.menitTerlambat, luring: luring.get(a.nip) ?? 0, potongan: row.potongan };
  });
  const apel = recaps.sesi.filter((s) => s.slot !== 'demo').length;
  return { ringkasan: summaryOf(opd.kode, opd.nama, wfaOn(opd, sampai), apel, asn), asn };
}

export async function tppOfOpd(opd: Opd, bulan: string | undefined, now: Date, config: ApelConfig): Promise<TppMonth> {
  const month = tppMonthOf(bulan, now, config);
  const { ringkasan, asn } = await opdMonth(opd, month.dari, month.sampai, config, monthSesiReader(month.dari, month.sampai));
  return { ...month, aturan: config.tpp, ringkasan, asn };
}

/** The regency's month: every OPD (6 at a time), a summary each and the total; `asn` every ASN's row (for the CSV). */
export async function tppOfRegency(bulan: string | undefined, now: Date, config: ApelConfig): Promise<TppRegency & { asn: TppAsn[] }> {
  const month = tppMonthOf(bulan, now, config);
  const opds = (await listOpds()).sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  const readSesi = monthSesiReader(month.dari, month.sampai);
  const results: Awaited<ReturnType<typeof opdMonth>>[] = new Array(opds.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL_OPDS, opds.length) }, async () => {
      while (next < opds.length) {
        const i = next++;
        results[i] = await opdMonth(opds[i]!, month.dari, month.sampai, config, readSesi);
      }
    }),
  );
  const asn = results.flatMap((r) => r.asn);
  const apel = Math.max(0, ...results.map((r) => r.ringkasan.apel));
  return { ...month, aturan: config.tpp, opd: results.map((r) => r.ringkasan), total: summaryOf('', 'Kabupaten', true, apel, asn), asn };
}

const BAND_HEADERS = [...TL_BANDS];

/** Per ASN, for payroll: Excel id-ID (core/csv-writer.ts: NIP as text, decimal comma). */
export function tppCsv(rows: readonly TppAsn[], opdNames: ReadonlyMap<string, string>, bulan: string): string {
  const header = ['Bulan', 'NIP', 'Nama', 'Jabatan', 'Kode OPD', 'OPD', ...CODES, ...BAND_HEADERS, 'Menit terlambat', 'Luring', 'Potongan TPP (%)'];
  return csvFile(
    header,
    rows.map((r) => [bulan, id(r.nip), r.nama, r.jabatan, r.opd, opdNames.get(r.opd) ?? r.opd, ...CODES.map((c) => r.jumlah[c]), ...TL_BANDS.map((b) => r.tl[b]), r.menitTerlambat, r.luring, r.potongan]),
  );
}

/** One row per OPD (and the regency's total), for the summary sheet. */
export function tppSummaryCsv(summaries: readonly TppOpdSummary[], total: TppOpdSummary, bulan: string): string {
  const header = ['Bulan', 'Kode OPD', 'OPD', 'Status WFA', 'ASN', 'Apel', ...CODES, ...BAND_HEADERS, 'Luring', 'ASN kena potongan', 'Rata-rata potongan (%)'];
  const line = (s: TppOpdSummary, status: string) => [bulan, s.kode, s.nama, status, s.asn, s.apel, ...CODES.map((c) => s.jumlah[c]), ...TL_BANDS.map((b) => s.tl[b]), s.luring, s.kenaPotongan, s.rataPotongan];
  return csvFile(header, [...summaries.map((s) => line(s, s.wfa ? 'WFA' : 'Dikecualikan')), line(total, '')]);
}
