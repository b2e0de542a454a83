import type { AttendanceStatus, Code, Counts, Disruption, Excuse } from '../../core/attendance';
import { attendanceStatus, codeOf, excuseOn, tally } from '../../core/attendance';
import type { ApelConfig } from '../../core/config';
import { InvalidInput } from '../../core/errors';
import type { RecapRow } from '../../core/recap';
import { wfaOn } from '../../core/opd';
import type { Opd } from '../../core/roster';
import type { SesiSlot } from '../../core/sesi';
import { parseSesiId, SLOT_LABELS } from '../../core/sesi';
import type { DaySesi, SesiState } from '../../core/sesi-state';
import type { IsoDate } from '../../core/time';
import { localDate, weekdayOf } from '../../core/time';
import type { Checkin, ComplianceMark } from '../../store/checkin-store';
import { listCheckins } from '../../store/checkin-store';
import { excusesOfOpd } from '../../store/excuse-store';
import { listAsnOfOpd } from '../../store/roster-store';
import { recapsOfOpd } from '../../store/sesi-store';
import { loadSesiOfDays } from '../sesi-of-days';

/**
 * The live roll of one OPD in one sesi: every expected ASN with their status. While
 * the sesi is open, "expected" is the OPD's active roster; once closed, it is who the
 * close recorded. Reads are queries on the OPD's own partitions (roster by OPD,
 * check-ins by sesi and OPD, the OPD's excuses), never a scan of the sesi.
 */

export interface RollRow {
  nip: string;
  nama: string;
  jabatan: string;
  status: AttendanceStatus;
  kode: Code | null;
  checkedInAt: string | null;
  laporan: string | null;
  seragamDikonfirmasi: boolean | null;
  tidakPatuh: ComplianceMark | null;
  izin: Pick<Excuse, 'id' | 'jenis' | 'dari' | 'sampai' | 'catatan'> | null;
}

export interface RollSesi {
  id: string;
  date: IsoDate;
  slot: SesiSlot;
  label: string;
  state: SesiState;
  opensAt: string;
  onTimeUntil: string;
  closesAt: string;
  demo: boolean;
  gangguan: Disruption | null;
}

export interface Roll {
  opd: Opd;
  sesi: RollSesi | null;
  hariIni: { id: string; label: string; state: RollSesi['state'] }[];
  seragam: string | null;
  refreshSeconds: number | null;
  counts: Counts;
  rows: RollRow[];
}

/** How often an open roll refreshes itself; tests shorten it. */
const REFRESH_OPEN = Number(process.env.APEL_ROLL_REFRESH_SECONDS ?? 15);
/** A sesi that has not opened yet is looked at now and then, to notice the opening. */
const REFRESH_PLANNED = 60;

export async function opdRoll(opd: Opd, requested: string | undefined, now: Date, config: ApelConfig): Promise<Roll> {
  const today = localDate(now, config.timeZone);
  const todays = await sesiOfDay(today, now, config);
  let sesi: RollSesi | undefined;
  if (requested) {
    const parsed = parseSesiId(requested);
    if (!parsed) throw new InvalidInput('INPUT_TIDAK_VALID', 'sesi harus berbentuk YYYY-MM-DD.pagi atau YYYY-MM-DD.sore');
    sesi = (parsed.date === today ? todays : await sesiOfDay(parsed.date, now, config)).find((s) => s.id === requested);
  } else {
    sesi =
      todays.find((s) => s.state === 'dibuka') ??
      [...todays].reverse().find((s) => s.state === 'ditutup') ??
      todays.find((s) => s.state === 'terjadwal');
  }
  const hariIni = todays.map((s) => ({ id: s.id, label: s.label, state: s.state }));
  if (!sesi) return { opd: { ...opd, wfa: wfaOn(opd, today) }, sesi: null, hariIni, seragam: null, refreshSeconds: null, counts: tally([]), rows: [] };

  const rows = await rollRows(opd.kode, sesi);
  return {
    // Exempt OPDs attend the apel too; the page marks their staff as working from the office.
    opd: { ...opd, wfa: wfaOn(opd, sesi.date) },
    sesi,
    hariIni,
    seragam: config.seragam[weekdayOf(sesi.date)] ?? null,
    refreshSeconds: sesi.state === 'dibuka' ? REFRESH_OPEN : sesi.state === 'terjadwal' && sesi.date === today ? REFRESH_PLANNED : null,
    counts: tally(rows.map((r) => r.status)),
    rows,
  };
}

/** The sesi of a date (usecases/sesi-of-days.ts), as the heads' pages show them. */
async function sesiOfDay(date: IsoDate, now: Date, config: ApelConfig): Promise<RollSesi[]> {
  return (await loadSesiOfDays(date, date, now, config)).sesi.map(rollSesi);
}

export function rollSesi(s: DaySesi): RollSesi {
  return {
    id: s.id,
    date: s.date,
    slot: s.slot,
    label: SLOT_LABELS[s.slot],
    state: s.state,
    opensAt: s.opensAt.toISOString(),
    onTimeUntil: s.onTimeUntil.toISOString(),
    closesAt: s.closesAt.toISOString(),
    demo: s.demo,
    gangguan: s.gangguan ? { mode: s.gangguan.mode, keterangan: s.gangguan.keterangan } : null,
  };
}

/** One OPD's counts in a sesi already looked up (the admin's overview asks this for every OPD). */
export async function rollCounts(opd: string, sesi: RollSesi): Promise<Counts> {
  return tally((await rollRows(opd, sesi)).map((r) => r.status));
}

async function rollRows(opd: string, sesi: RollSesi): Promise<RollRow[]> {
  const [checkins, excuses, expected] = await Promise.all([
    listCheckins(sesi.id, opd),
    excusesOfOpd(opd, sesi.date, sesi.date),
    expectedOf(opd, sesi),
  ]);
  const byNip = new Map(checkins.map((c) => [c.nip, c]));
  const closed = sesi.state === 'ditutup';
  return expected
    .map((a) => {
      const full = byNip.get(a.nip);
      // The close matched check-ins by NIP across OPDs (someone moved here after checking in).
      const fromRecap = a.status && a.status !== 'tidak_hadir' && a.at ? { status: a.status, at: a.at } : undefined;
      const c: Pick<Checkin, 'status' | 'at'> | undefined = full ?? fromRecap;
      const excuse = excuseOn(excuses, a.nip, sesi.date);
      const status = attendanceStatus({ checkin: c?.status, excuse, closed, disruption: sesi.gangguan });
      return {
        nip: a.nip,
        nama: a.nama,
        jabatan: a.jabatan,
        status,
        kode: codeOf(status),
        checkedInAt: c?.at ?? null,
        laporan: full?.laporan ?? null,
        seragamDikonfirmasi: full?.seragam ?? null,
        tidakPatuh: full?.tidakPatuh ?? null,
        izin: excuse ? { id: excuse.id, jenis: excuse.jenis, dari: excuse.dari, sampai: excuse.sampai, catatan: excuse.catatan } : null,
      };
    })
    .sort((x, y) => x.nama.localeCompare(y.nama, 'id'));
}

/** Open or planned: the active roster now. Closed: who the close found expected (with their status then). */
async function expectedOf(opd: string, sesi: RollSesi): Promise<Array<Pick<RecapRow, 'nip' | 'nama' | 'jabatan'> & Partial<RecapRow>>> {
  if (sesi.state === 'ditutup') {
    const recap = (await recapsOfOpd([sesi.id], opd)).get(sesi.id);
    if (recap) return recap.rows;
  }
  return (await listAsnOfOpd(opd)).map((a) => ({ nip: a.nip, nama: a.nama, jabatan: a.jabatan }));
}
