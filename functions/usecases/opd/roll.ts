import { createHash } from 'node:crypto';
import type { Principal } from '../../core/access';
import { requireOpdScope } from '../../core/access';
import type { Counts } from '../../core/attendance';
import { attendanceStatus, codeOf, excuseOn, tally } from '../../core/attendance';
import type { ApelConfig } from '../../core/config';
import { InvalidInput, NotFound } from '../../core/errors';
import type { RecapRow } from '../../core/recap';
import { wfaOn } from '../../core/opd';
import type { Opd } from '../../core/roster';
import { parseSesiId, SLOT_LABELS, uniformOf } from '../../core/sesi';
import type { DaySesi } from '../../core/sesi-state';
import type { IsoDate } from '../../core/time';
import { addDays, localDate, weekdayOf, zonedInstant } from '../../core/time';
import type { Checkin } from '../../store/checkin-store';
import { listCheckinsKeyed } from '../../store/checkin-store';
import { devicesOfOpd } from '../../store/device-store';
import { excusesOfOpd } from '../../store/excuse-store';
import type { Link } from '../../store/link-store';
import { getOpd, listAsnOfOpd, opdFrom } from '../../store/roster-store';
import { keys } from '../../store/tables';
import type { PollRead, Version, VersionKey } from '../../store/version-store';
import { checkinsAfter, dayVersionKey, itemKey, notesVersionKey, readLinkAnd, rosterVersionKey, versionOf } from '../../store/version-store';
import { recapsOfOpd } from '../../store/sesi-store';
import { loadSesiOfDays } from '../sesi-of-days';
import type { Roll as WireRoll, RollRow, RollSesi } from '../../../contract';

/**
 * The live roll of one OPD in one sesi: every expected ASN with their status. While
 * the sesi is open, "expected" is the OPD's active roster; once closed, it is who the
 * close recorded. Reads are queries on the OPD's own partitions (roster by OPD,
 * check-ins by sesi and OPD, the OPD's excuses), never a scan of the sesi.
 */

/** The shapes are the wire's (contract/opd.ts); the handler adds `now` and the zone. */
export type { RollRow, RollSesi } from '../../../contract';
export type Roll = Omit<WireRoll, 'now' | 'timeZone' | 'zoneLabel'>;

/** How often an open roll refreshes itself; tests shorten it. */
const REFRESH_OPEN = Number(process.env.APEL_ROLL_REFRESH_SECONDS ?? 15);
/** A sesi that has not opened yet is looked at now and then, to notice the opening. */
const REFRESH_PLANNED = 60;

export async function opdRoll(opd: Opd, requested: string | undefined, now: Date, config: ApelConfig): Promise<Roll> {
  return (await rollWithKeys(opd, requested, now, config)).roll;
}

/** The roll, the byOpd index keys of the check-ins it shows, and today's sesi (for the ETag). */
async function rollWithKeys(
  opd: Opd,
  requested: string | undefined,
  now: Date,
  config: ApelConfig,
  roster?: Version,
): Promise<{ roll: Roll; checkinKeys: string[]; todays: RollSesi[] }> {
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
  if (!sesi) {
    const devices = await devicesOfOpd(opd.kode);
    const staff = devices.requests.length > 0 ? await activeStaff(opd.kode, roster && { roster, now }) : [];
    const perangkat = rollDevices(devices, staff);
    const roll = { opd: { ...opd, wfa: wfaOn(opd, today) }, sesi: null, hariIni, seragam: null, refreshSeconds: null, counts: tally([]), rows: [], perangkat };
    return { roll, checkinKeys: [], todays };
  }

  const [{ rows, checkinKeys }, devices] = await Promise.all([rollRows(opd.kode, sesi, roster && { roster, now }), devicesOfOpd(opd.kode)]);
  const roll: Roll = {
    // Exempt OPDs attend the apel too; the page marks their staff as working from the office.
    opd: { ...opd, wfa: wfaOn(opd, sesi.date) },
    sesi,
    hariIni,
    seragam: uniformOf(config, sesi.date, sesi.slot === 'demo'),
    refreshSeconds: sesi.state === 'dibuka' ? REFRESH_OPEN : sesi.state === 'terjadwal' && sesi.date === today ? REFRESH_PLANNED : null,
    counts: tally(rows.map((r) => r.status)),
    rows,
    perangkat: rollDevices(devices, rows),
  };
  return { roll, checkinKeys, todays };
}

/** How many of `people` have a bound phone (and of them a passkey), and the new phones waiting (named from `people`). */
function rollDevices(devices: Awaited<ReturnType<typeof devicesOfOpd>>, people: readonly { nip: string; nama: string }[]): Roll['perangkat'] {
  const names = new Map(people.map((p) => [p.nip, p.nama]));
  return {
    terikat: people.filter((p) => devices.bound.has(p.nip)).length,
    passkey: people.filter((p) => devices.passkey.has(p.nip)).length,
    menunggu: devices.requests.map((r) => ({ ...r, nama: names.get(r.nip) ?? r.nip })).sort((a, b) => a.at.localeCompare(b.at)),
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
  return (await rollCountsKeyed(opd, sesi)).counts;
}

/** The same, with the byOpd index keys of the check-ins counted (the overview's ETag names the last ones). */
export async function rollCountsKeyed(opd: string, sesi: RollSesi, known?: KnownRoster): Promise<{ counts: Counts; checkinKeys: string[] }> {
  const { rows, checkinKeys } = await rollRows(opd, sesi, known);
  return { counts: tally(rows.map((r) => r.status)), checkinKeys };
}

/** The roster version round trip 1 read (before the lists), and when: an OPD's staff may then come from memory. */
export interface KnownRoster {
  roster: Version;
  now: Date;
}

async function rollRows(opd: string, sesi: RollSesi, known?: KnownRoster): Promise<{ rows: RollRow[]; checkinKeys: string[] }> {
  const [keyed, excuses, expected] = await Promise.all([
    listCheckinsKeyed(sesi.id, opd),
    excusesOfOpd(opd, sesi.date, sesi.date),
    expectedOf(opd, sesi, known),
  ]);
  const byNip = new Map(keyed.map(({ checkin: c }) => [c.nip, c]));
  const closed = sesi.state === 'ditutup';
  const rows = expected
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
        // A tap kept on the phone counts at the time it was made (ticket + elapsed), not its delivery.
        checkedInAt: full?.ketukPada ?? c?.at ?? null,
        laporan: full?.laporan ?? null,
        seragamDikonfirmasi: full?.seragam ?? null,
        tidakPatuh: full?.tidakPatuh ?? null,
        penilaian: full?.penilaian ?? null,
        luring: full?.luring === true,
        bukti: full?.bukti ?? null,
        izin: excuse ? { id: excuse.id, jenis: excuse.jenis, dari: excuse.dari, sampai: excuse.sampai, catatan: excuse.catatan } : null,
        alasanTerlambat: full?.alasanTerlambat ?? a.alasan ?? null,
      };
    })
    .sort((x, y) => x.nama.localeCompare(y.nama, 'id'));
  return { rows, checkinKeys: keyed.map((k) => k.indexKey) };
}

/** Open or planned: the active roster now. Closed: who the close found expected (with their status then). */
async function expectedOf(opd: string, sesi: RollSesi, known?: KnownRoster): Promise<Array<Pick<RecapRow, 'nip' | 'nama' | 'jabatan'> & Partial<RecapRow>>> {
  if (sesi.state === 'ditutup') {
    const recap = (await recapsOfOpd([sesi.id], opd)).get(sesi.id);
    if (recap) return recap.rows;
  }
  return activeStaff(opd, known);
}

type Staff = Pick<RecapRow, 'nip' | 'nama' | 'jabatan'>;
/** An OPD's active staff as of a roster version (a warm function answers the next check-in's poll without the roster query). */
const staffByVersion = new Map<string, { v: string; staff: Staff[]; until: number }>();

async function activeStaff(opd: string, known?: KnownRoster): Promise<Staff[]> {
  const kept = known ? staffByVersion.get(opd) : undefined;
  if (known && kept?.v === known.roster.v && known.now.getTime() < kept.until) return kept.staff;
  const staff = (await listAsnOfOpd(opd)).map((a) => ({ nip: a.nip, nama: a.nama, jabatan: a.jabatan }));
  // Kept only once the version has settled (right after a change the index read may still be behind it),
  // and for as long as a stamp (a version lost between a write and its bump costs at most that).
  if (known && Date.parse(known.roster.at) + SETTLE_MS <= known.now.getTime()) staffByVersion.set(opd, { v: known.roster.v, staff, until: known.now.getTime() + MAX_STAMP_MS });
  return staff;
}

/*
 * Polls of the live roll (every 15 s while an apel is open, with If-None-Match). The
 * ETag is not a hash of the answer but a stamp of everything the answer is made of:
 * the versions of the roster, of the OPD's excuses and marks and of the day's sesi and
 * calendar (store/version-store.ts), the check-ins of the last moments before it was
 * made, and the time until which the sesi's state cannot change by the clock alone. So
 * an unchanged poll costs round trip 1 (the link, the OPD and the versions in one
 * BatchGetItem) and, while the sesi may still get check-ins, a query for those recorded
 * after the stamp's time, which reads the few keys of the last seconds; not the roster,
 * the excuses and every check-in of the OPD.
 *
 * Why the check-in query is sound: a check-in's index key starts with the time it was
 * recorded, and one recorded at t is in the index well within CHECKIN_LAG_MS of t (the
 * check-in function's time-out is 10 s; the index follows in well under a second). An
 * answer made at T lists the check-ins after W = T - CHECKIN_LAG_MS that it showed; any
 * check-in it did not show was recorded after W, so a later poll finds more (or other)
 * keys after W than the stamp lists, and reads the roll again. Check-ins are never deleted.
 */

/** Check-ins are in the byOpd index within this long of the time they carry. */
export const CHECKIN_LAG_MS = 30_000;
/** After a version changed this recently, an index may still be behind: the stamp lasts only until it settles. */
export const SETTLE_MS = 10_000;
/** A stamp is trusted at most this long (bounds a version lost between a write and its bump). */
export const MAX_STAMP_MS = 5 * 60_000;
const STAMP_FORMAT = 'r1';

export type RollCaller = Link & { poll: PollRead; pollDates: IsoDate[]; pollOpd: string | undefined };

interface Stamp {
  sesiId: string;
  /** W: check-ins after this instant are listed (ms). */
  after: number;
  /** The stamp holds until this instant (ms). */
  until: number;
  /** Whether check-ins may still come (the query is needed). */
  tail: boolean;
  digest: string;
}

const configDigests = new WeakMap<ApelConfig, string>();
export function configDigest(config: ApelConfig): string {
  let d = configDigests.get(config);
  if (!d) configDigests.set(config, (d = createHash('sha256').update(JSON.stringify(config)).digest('base64url')));
  return d;
}

function formatStamp(s: Stamp): string {
  return `"${STAMP_FORMAT}~${s.sesiId}~${s.after.toString(36)}~${s.until.toString(36)}~${s.tail ? 1 : 0}~${s.digest}"`;
}

/** The stamps an If-None-Match header names (other tags, weak or not, are ignored). */
export function parseStamps(header: string | undefined): Stamp[] {
  const stamps: Stamp[] = [];
  for (const tag of (header ?? '').split(',')) {
    const m = /^"r1~([0-9a-z.-]{1,40})~([0-9a-z]{1,12})~([0-9a-z]{1,12})~([01])~([A-Za-z0-9_-]{22})"$/.exec(tag.trim().replace(/^W\//, ''));
    if (m) stamps.push({ sesiId: m[1]!, after: parseInt(m[2]!, 36), until: parseInt(m[3]!, 36), tail: m[4] === '1', digest: m[5]! });
  }
  return stamps;
}

/** The versions a roll of `opd` on `dates` is made of, as round trip 1 reads them. */
function rollVersionKeys(opd: string, dates: readonly IsoDate[]): VersionKey[] {
  return [rosterVersionKey(), notesVersionKey(opd), ...dates.map((d) => dayVersionKey(d))];
}

/**
 * Round trip 1 of `GET /api/opd/{opd}/apel`: the caller's link, the OPD of the path and
 * the versions of its roll for today and for the sesi the request or its ETag names, in
 * one BatchGetItem (as the check-in reads its link and sesi).
 */
export async function rollCaller(tokenHash: string, opd: string | undefined, requested: string | undefined, ifNoneMatch: string | undefined, now: Date, config: ApelConfig): Promise<RollCaller | undefined> {
  const dates = new Set<IsoDate>([localDate(now, config.timeZone)]);
  for (const id of [requested, ...parseStamps(ifNoneMatch).map((s) => s.sesiId)]) {
    const date = id ? parseSesiId(id)?.date : undefined;
    if (date) dates.add(date);
  }
  const pollDates = [...dates].slice(0, 3);
  const wanted = opd && /^[a-z0-9-]{1,40}$/.test(opd) ? [{ table: 'roster' as const, key: keys.opd(opd) }, ...rollVersionKeys(opd, pollDates)] : [];
  const poll = await readLinkAnd(tokenHash, wanted);
  return poll.link && { ...poll.link, poll, pollDates, pollOpd: wanted.length > 0 ? opd : undefined };
}

/** The OPD of the path after the scope check, from round trip 1 when it read it. */
export async function rollScope(who: RollCaller, kode: string): Promise<Opd> {
  requireOpdScope(who, kode);
  const item = who.pollOpd === kode ? who.poll.items.get(itemKey({ table: 'roster', key: keys.opd(kode) })) : undefined;
  const opd = item ? opdFrom(item) : who.pollOpd === kode ? undefined : await getOpd(kode);
  if (!opd) throw new NotFound('OPD_TIDAK_ADA', `OPD "${kode}" tidak ada.`);
  return opd;
}

function digestOf(opd: string, requested: string | undefined, s: Omit<Stamp, 'digest'>, versions: (Version | undefined)[], tailKeys: readonly string[], config: ApelConfig): string {
  const input = JSON.stringify([STAMP_FORMAT, configDigest(config), opd, requested ?? null, s, versions.map((v) => v?.v ?? null), [...tailKeys].sort()]);
  return createHash('sha256').update(input).digest('base64url').slice(0, 22);
}

export type RollAnswer = { notModified: true; etag: string } | { notModified: false; etag: string; roll: Roll };

/**
 * The live roll for a poll: 304 (`notModified`) when the request's ETag still stamps
 * what the roll is made of, else the roll with a new stamp.
 */
export async function pollRoll(
  who: RollCaller,
  opd: Opd,
  requested: string | undefined,
  ifNoneMatch: string | undefined,
  now: Date,
  config: ApelConfig,
): Promise<RollAnswer> {
  const today = localDate(now, config.timeZone);
  const versionsFor = (dates: IsoDate[]) =>
    who.pollOpd === opd.kode && dates.every((d) => who.pollDates.includes(d))
      ? rollVersionKeys(opd.kode, dates).map((k) => versionOf(who.poll.items.get(itemKey(k))))
      : undefined;

  for (const seen of parseStamps(ifNoneMatch)) {
    if (now.getTime() >= seen.until || (requested !== undefined && requested !== seen.sesiId)) continue;
    const date = parseSesiId(seen.sesiId)?.date;
    const versions = versionsFor(date && date !== today ? [today, date] : [today]);
    if (!versions) continue;
    const tail = seen.tail ? await checkinsAfter(seen.sesiId, opd.kode, new Date(seen.after).toISOString()) : [];
    const { digest, ...stamp } = seen;
    if (digestOf(opd.kode, requested, stamp, versions, tail, config) === digest) return { notModified: true, etag: formatStamp(seen) };
  }

  // The roster version of round trip 1 (read before the lists) lets a warm function keep the OPD's staff.
  const rosterRead = who.pollOpd === opd.kode ? versionOf(who.poll.items.get(itemKey(rosterVersionKey()))) : undefined;
  const { roll, checkinKeys, todays } = await rollWithKeys(opd, requested, now, config, rosterRead);
  const sesiId = roll.sesi?.id ?? '-';
  const date = roll.sesi?.date;
  const dates = date && date !== today ? [today, date] : [today];
  const versions = versionsFor(dates) ?? [];
  const t = now.getTime();
  const after = t - CHECKIN_LAG_MS;
  const afterIso = new Date(after).toISOString();
  // The instants at which the clock alone changes a sesi's state (opening, closing) or the day.
  const boundaries = [...todays, ...(roll.sesi ? [roll.sesi] : [])]
    .flatMap((s) => [Date.parse(s.opensAt), Date.parse(s.closesAt)])
    .concat(zonedInstant(addDays(today, 1), '00:00', config.timeZone).getTime(), t + MAX_STAMP_MS)
    .filter((b) => b > t);
  const latest = Math.max(0, ...versions.map((v) => (v ? Date.parse(v.at) : 0)));
  if (latest + SETTLE_MS > t) boundaries.push(latest + SETTLE_MS);
  const stamp = {
    sesiId,
    after,
    until: Math.min(...boundaries),
    // Check-ins come while the sesi is open (and reach the index a little after its close);
    // a sesi still to come opens at a boundary of the stamp, or by a write that changes a version.
    tail: roll.sesi !== null && roll.sesi.state !== 'terjadwal' && t < Date.parse(roll.sesi.closesAt) + CHECKIN_LAG_MS,
  };
  const tailKeys = stamp.tail ? checkinKeys.filter((k) => k > afterIso) : [];
  // Without every version read in round trip 1 (a date that changed in between), the stamp can never match: the next poll reads again.
  const digest = versions.length === dates.length + 2 ? digestOf(opd.kode, requested, stamp, versions, tailKeys, config) : 'x'.repeat(22);
  return { notModified: false, etag: formatStamp({ ...stamp, digest }), roll };
}
