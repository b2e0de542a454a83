import type { Code, Counts } from '../../core/attendance';
import { attendanceStatus, codeOf, CODES, codeTotals, excuseOn, tally } from '../../core/attendance';
import { lateFrom } from '../../core/checkin';
import { csvFile, id } from '../../core/csv-writer';
import { InvalidInput } from '../../core/errors';
import type { Opd } from '../../core/roster';
import type { SesiSlot } from '../../core/sesi';
import { SLOT_LABELS, sesiId } from '../../core/sesi';
import type { IsoDate } from '../../core/time';
import { addDays, weekdayOf } from '../../core/time';
import { excusesOfOpd } from '../../store/excuse-store';
import { getSesiMany, recapsOfOpd } from '../../store/sesi-store';
import type { RollSesi } from './roll';

/**
 * The recaps of one OPD over a date range (history and its CSV): closed sesi only, each ASN's code
 * per sesi with today's excuses applied, and totals per code. Reads one batch of recap
 * items (by key: date × slot × OPD), the OPD's excuses and the sesi records.
 */

export const MAX_RANGE_DAYS = 92;
/** The local demo sesi is not an apel: it is kept out of recaps, the ASN's history and the CSV. */
const SLOTS: SesiSlot[] = ['pagi', 'sore'];

export interface OpdRecaps {
  opd: Opd;
  dari: IsoDate;
  sampai: IsoDate;
  sesi: Array<Pick<RollSesi, 'id' | 'date' | 'slot' | 'label' | 'gangguan'> & { counts: Counts }>;
  asn: Array<{ nip: string; nama: string; jabatan: string; kode: Record<string, Code>; jumlah: Record<Code, number>; alasan: Record<string, string>; luring?: string[] }>;
}

export async function opdRecaps(opd: Opd, dari: IsoDate, sampai: IsoDate): Promise<OpdRecaps> {
  return (await opdRecapsWithLateness(opd, dari, sampai)).recaps;
}

/** The sesi records of some ids (a month's TPP of 36 OPDs reads them once: usecases/tpp/month.ts). */
export type SesiReader = (ids: readonly string[]) => Promise<Awaited<ReturnType<typeof getSesiMany>>>;

/**
 * The same recaps, and for each ASN the minutes late of each of their TL by sesi (from the
 * check-in time the close kept in the recap row, the tap's time for one kept on the phone:
 * 1 = the first minute after the on-time limit), for the TPP month's bands and the ASN's
 * history, so both give the same minutes.
 */
export async function opdRecapsWithLateness(
  opd: Opd,
  dari: IsoDate,
  sampai: IsoDate,
  readSesi: SesiReader = getSesiMany,
): Promise<{ recaps: OpdRecaps; menit: Map<string, Map<string, number>>; luring: Map<string, number> }> {
  const menit = new Map<string, Map<string, number>>();
  const luring = new Map<string, number>();
  if (sampai < dari) throw new InvalidInput('TANGGAL_TIDAK_VALID', 'Tanggal "sampai" tidak boleh sebelum tanggal "dari".');
  if (addDays(dari, MAX_RANGE_DAYS - 1) < sampai) {
    throw new InvalidInput('TANGGAL_TIDAK_VALID', `Rentang rekap paling panjang ${MAX_RANGE_DAYS} hari.`);
  }
  const ids: string[] = [];
  for (let d = dari; d <= sampai; d = addDays(d, 1)) for (const slot of SLOTS) ids.push(sesiId(d, slot));
  const recaps = await recapsOfOpd(ids, opd.kode);
  const closedIds = ids.filter((id) => recaps.has(id));
  const [records, excuses] = await Promise.all([readSesi(closedIds), excusesOfOpd(opd.kode, dari, sampai)]);
  const sesiById = new Map(records.map((s) => [s.id, s]));

  const sesi: OpdRecaps['sesi'] = [];
  const people = new Map<string, OpdRecaps['asn'][number]>();
  for (const id of closedIds) {
    const recap = recaps.get(id);
    const record = sesiById.get(id);
    // The close writes the recaps just before it marks the sesi closed; until then it is not history.
    if (!recap || !record || record.state !== 'ditutup') continue;
    const gangguan = record.gangguan ? { mode: record.gangguan.mode, keterangan: record.gangguan.keterangan } : null;
    const statuses = recap.rows.map((row) => {
      const status = attendanceStatus({
        checkin: row.status === 'tidak_hadir' ? undefined : row.status,
        excuse: excuseOn(excuses, row.nip, record.date),
        closed: true,
        disruption: gangguan,
      });
      const person = people.get(row.nip) ?? { nip: row.nip, nama: row.nama, jabatan: row.jabatan, kode: {}, jumlah: codeTotals([]), alasan: {} };
      const code = codeOf(status);
      if (code) {
        person.kode[id] = code;
        person.jumlah[code]++;
      }
      // A check-in kept on the phone and delivered later (*luring*, issue 15) that still counts as H or TL.
      if (row.luring && (code === 'H' || code === 'TL')) luring.set(row.nip, (luring.get(row.nip) ?? 0) + 1);
      if (code === 'TL' && row.at) {
        const late = Math.floor((Date.parse(row.at) - lateFrom(record.onTimeUntil.getTime())) / 60_000) + 1;
        menit.set(row.nip, (menit.get(row.nip) ?? new Map<string, number>()).set(id, Math.max(1, late)));
      }
      if (code === 'TL' && row.alasan) person.alasan[id] = row.alasan;
      if (row.luring && (code === 'H' || code === 'TL')) (person.luring ??= []).push(id);
      people.set(row.nip, person);
      return status;
    });
    sesi.push({ id, date: record.date, slot: record.slot, label: SLOT_LABELS[record.slot], gangguan, counts: tally(statuses) });
  }
  const asn = [...people.values()].sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  return { recaps: { opd, dari, sampai, sesi, asn }, menit, luring };
}

const DAY_SHORT: Record<string, string> = { senin: 'Sen', selasa: 'Sel', rabu: 'Rab', kamis: 'Kam', jumat: 'Jum', sabtu: 'Sab', minggu: 'Min' };

/** Column title of a sesi, e.g. "Sen 30-11 Pagi". */
export function sesiColumn(s: { date: IsoDate; slot: SesiSlot }): string {
  return `${DAY_SHORT[weekdayOf(s.date)]} ${s.date.slice(8, 10)}-${s.date.slice(5, 7)} ${SLOT_LABELS[s.slot].replace('Apel ', '')}`;
}

/**
 * The history as a spreadsheet for Excel on an Indonesian-locale PC: UTF-8 with a
 * BOM (or Excel reads it as ANSI and breaks names), `;` between fields (the list
 * separator where the decimal mark is a comma), CRLF line ends; the NIP kept whole and
 * formula-like text neutralised (core/csv-writer.ts). The last column holds the reasons
 * late ASN gave, each after its sesi's title.
 */
export function recapsCsv(h: OpdRecaps): string {
  const header = ['NIP', 'Nama', 'Jabatan', ...h.sesi.map(sesiColumn), ...CODES, 'Alasan terlambat', 'Luring (tanpa jaringan)'];
  const rows = h.asn.map((a) => [
    id(a.nip),
    a.nama,
    a.jabatan,
    ...h.sesi.map((s) => a.kode[s.id] ?? ''),
    ...CODES.map((c) => String(a.jumlah[c])),
    h.sesi.flatMap((s) => (a.alasan[s.id] ? [`${sesiColumn(s)}: ${a.alasan[s.id]}`] : [])).join(' | '),
    // Check-ins kept on the phone without network and delivered later, by sesi.
    h.sesi.filter((s) => a.luring?.includes(s.id)).map(sesiColumn).join(' | '),
  ]);
  return csvFile(header, rows);
}
