import type { ApelConfig } from '../core/config';
import type { Opd } from '../core/roster';
import { plannedSesi, sesiId } from '../core/sesi';
import type { SesiView } from '../core/sesi-view';
import { sesiViews } from '../core/sesi-view';
import type { Holiday } from '../core/sesi';
import { addDays, localDate, mondayOf } from '../core/time';
import { wfaOn } from '../core/opd';
import { calendarBetween } from '../store/special-day-store';
import { checkinsOfAsn } from '../store/checkin-store';
import type { Link } from '../store/link-store';
import { getAsn, getOpd } from '../store/roster-store';
import { getSesiMany } from '../store/sesi-store';

export interface MyWeek {
  asn: { nip: string; nama: string; jabatan: string; status: 'PNS' | 'PPPK'; role: Link['role'] };
  opd: Opd;
  today: SesiView[];
  week: SesiView[];
  libur: Holiday[];
}

/**
 * What an ASN's page shows: who they are, their OPD, and this week's apel (Monday to
 * Sunday, as planned by config and calendar and as actually opened, demo included)
 * with their status in each. Four reads in parallel, then one batch read of the sesi.
 */
export async function myWeek(link: Link, now: Date, config: ApelConfig): Promise<MyWeek> {
  const today = localDate(now, config.timeZone);
  const monday = mondayOf(today);
  const sunday = addDays(monday, 6);
  const [asn, opd, { holidays, specialDays }, checkins] = await Promise.all([
    getAsn(link.nip),
    getOpd(link.opd),
    calendarBetween(monday, sunday),
    checkinsOfAsn(link.nip, `${monday}.`, `${sunday}.~`),
  ]);
  const planned = Array.from({ length: 7 }, (_, i) => addDays(monday, i)).flatMap((date) =>
    plannedSesi(date, config, holidays.get(date), specialDays.get(date)),
  );
  const opened = await getSesiMany([...planned.map((p) => p.id), sesiId(today, 'demo')]);
  const week = sesiViews(now, planned, opened, new Map(checkins.map((c) => [c.sesiId, c])));
  return {
    asn: asn
      ? { nip: asn.nip, nama: asn.nama, jabatan: asn.jabatan, status: asn.status, role: link.role }
      : { nip: link.nip, nama: link.nip, jabatan: '', status: 'PNS', role: link.role },
    // Exempt or not today: the admin may mark an OPD exempt (or eligible) from a date.
    opd: opd ? { kode: opd.kode, nama: opd.nama, wfa: wfaOn(opd, today) } : { kode: link.opd, nama: link.opd, wfa: true },
    today: week.filter((v) => v.date === today),
    week,
    libur: [...holidays.values()],
  };
}
