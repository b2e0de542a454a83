import type { ApelConfig } from '../core/config';
import { wfaOn } from '../core/opd';
import type { Opd } from '../core/roster';
import type { Holiday } from '../core/sesi';
import type { SesiView } from '../core/sesi-view';
import { asnSesiViews } from '../core/sesi-view';
import { addDays, localDate, mondayOf } from '../core/time';
import type { Excuse } from '../core/attendance';
import { checkinsOfAsn } from '../store/checkin-store';
import { excusesOfAsn } from '../store/excuse-store';
import type { Link } from '../store/link-store';
import { getAsn, getOpd } from '../store/roster-store';
import { loadSesiOfDays } from './sesi-of-days';

export interface MyWeek {
  asn: { nip: string; nama: string; jabatan: string; status: 'PNS' | 'PPPK'; role: Link['role'] };
  opd: Opd;
  today: SesiView[];
  week: SesiView[];
  libur: Holiday[];
  /** The excuses a head recorded for this ASN that cover a day of this week (withdrawn ones left out). */
  izin: Array<Pick<Excuse, 'id' | 'jenis' | 'dari' | 'sampai' | 'catatan' | 'oleh'> & { olehNama: string | null }>;
}

/**
 * What an ASN's page shows: who they are, their OPD, and this week's apel (Monday to
 * Sunday, as planned by config and calendar and as actually opened, today's demo
 * included) with their status in each, and the excuses recorded for them this week.
 * Four reads in parallel beside the week's sesi.
 */
export async function myWeek(link: Link, now: Date, config: ApelConfig): Promise<MyWeek> {
  const today = localDate(now, config.timeZone);
  const monday = mondayOf(today);
  const sunday = addDays(monday, 6);
  const [asn, opd, days, checkins, excuses] = await Promise.all([
    getAsn(link.nip),
    getOpd(link.opd),
    loadSesiOfDays(monday, sunday, now, config, today),
    checkinsOfAsn(link.nip, `${monday}.`, `${sunday}.~`),
    excusesOfAsn(link.nip, monday, sunday),
  ]);
  const week = asnSesiViews(days.sesi, new Map(checkins.map((c) => [c.sesiId, c])));
  const izin = excuses.filter((e) => !e.ditarik).sort((a, b) => a.dari.localeCompare(b.dari));
  // Who recorded each excuse, by name (a head or an admin): one read per recorder, rarely more than one.
  const recorders = [...new Set(izin.map((e) => e.oleh))];
  const names = new Map((await Promise.all(recorders.map(getAsn))).flatMap((a) => (a ? [[a.nip, a.nama] as const] : [])));
  return {
    asn: asn
      ? { nip: asn.nip, nama: asn.nama, jabatan: asn.jabatan, status: asn.status, role: link.role }
      : { nip: link.nip, nama: link.nip, jabatan: '', status: 'PNS', role: link.role },
    // Exempt or not today: the admin may mark an OPD exempt (or eligible) from a date.
    opd: opd ? { kode: opd.kode, nama: opd.nama, wfa: wfaOn(opd, today) } : { kode: link.opd, nama: link.opd, wfa: true },
    today: week.filter((v) => v.date === today),
    week,
    libur: [...days.holidays.values()],
    izin: izin.map(({ id, jenis, dari, sampai, catatan, oleh }) => ({ id, jenis, dari, sampai, catatan, oleh, olehNama: names.get(oleh) ?? null })),
  };
}
