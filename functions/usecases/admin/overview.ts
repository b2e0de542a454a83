import { createHash } from 'node:crypto';
import type { Counts } from '../../core/attendance';
import { tally } from '../../core/attendance';
import type { ApelConfig } from '../../core/config';
import { wfaOn } from '../../core/opd';
import type { Opd } from '../../core/roster';
import type { IsoDate } from '../../core/time';
import { addDays, localDate, zonedInstant } from '../../core/time';
import type { Link } from '../../store/link-store';
import type { PollRead, Version, VersionKey } from '../../store/version-store';
import { checkinsAfter, dayVersionKey, itemKey, notesVersionKey, readLinkAnd, rosterVersionKey, versionOf } from '../../store/version-store';
import { listOpds } from '../../store/roster-store';
import { inParallel } from '../../store/batch';
import type { KnownRoster } from '../opd/roll';
import { CHECKIN_LAG_MS, configDigest, MAX_STAMP_MS, rollCountsKeyed, rollSesi, SETTLE_MS } from '../opd/roll';
import { loadSesiOfDays } from '../sesi-of-days';

/**
 * The regency at a glance: each sesi of a date, and in it each OPD's expected, hadir,
 * terlambat, excused (by kind), not yet / absent. The counts are the heads' roll of
 * each OPD (usecases/opd/roll.ts), so the admin and the heads see the same numbers.
 */

const REFRESH_SECONDS = Number(process.env.APEL_ROLL_REFRESH_SECONDS ?? 15);
/** OPD rolls computed at once: each is a few queries on that OPD's own partitions. */
const CONCURRENCY = 12;

export async function regencyOverview(date: IsoDate, now: Date, config: ApelConfig) {
  return (await overviewWithKeys(date, now, config)).overview;
}

async function overviewWithKeys(date: IsoDate, now: Date, config: ApelConfig, known?: KnownRoster, listed?: Opd[]) {
  // The day's sesi (one read of the calendar, one of the sesi records) and the OPDs.
  const [{ sesi, holidays, specialDays }, opds] = await Promise.all([loadSesiOfDays(date, date, now, config), listed ?? listOpds()]);
  const rolls = await inParallel(
    sesi.flatMap((s) => opds.map((opd) => ({ s, opd }))),
    CONCURRENCY,
    async ({ s, opd }) => ({ id: s.id, kode: opd.kode, ...(await rollCountsKeyed(opd.kode, rollSesi(s), known)) }),
  );
  const countsOf = new Map(rolls.map((r) => [`${r.id}|${r.kode}`, r.counts]));
  const checkinKeys = rolls.flatMap((r) => r.checkinKeys.map((key) => ({ id: r.id, opd: r.kode, key })));
  const overview = overviewOf(date, sesi, holidays, specialDays, opds, countsOf);
  return { overview, checkinKeys, opds: opds.map((o) => o.kode).sort(), sesi };
}

function overviewOf(
  date: IsoDate,
  sesi: Awaited<ReturnType<typeof loadSesiOfDays>>['sesi'],
  holidays: Awaited<ReturnType<typeof loadSesiOfDays>>['holidays'],
  specialDays: Awaited<ReturnType<typeof loadSesiOfDays>>['specialDays'],
  opds: Awaited<ReturnType<typeof listOpds>>,
  countsOf: Map<string, Counts>,
) {
  return {
    tanggal: date,
    libur: holidays.get(date) ?? null,
    hariKhusus: specialDays.get(date) ?? null,
    refreshSeconds: sesi.some((s) => s.state === 'dibuka') ? REFRESH_SECONDS : null,
    sesi: sesi.map((s) => {
      const perOpd = opds
        .map((opd) => ({ kode: opd.kode, nama: opd.nama, wfa: wfaOn(opd, date), counts: countsOf.get(`${s.id}|${opd.kode}`) ?? tally([]) }))
        .sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
      // As the heads' roll shows the sesi, with the admin's whole declaration (who, when, minutes).
      return { ...rollSesi(s), gangguan: s.gangguan, total: sum(perOpd.map((o) => o.counts)), opd: perOpd };
    }),
  };
}

function sum(all: readonly Counts[]): Counts {
  const total = tally([]);
  for (const c of all) for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += c[k];
  return total;
}

/*
 * Polls of the overview (every 15 s while an apel is open, with If-None-Match), stamped
 * as the heads' roll is (usecases/opd/roll.ts): the versions of the roster, of the date's
 * sesi and calendar and of every OPD's excuses and marks, the check-ins of the last
 * moments per OPD of each sesi that may still get some, and the next instant the clock
 * changes a sesi's state. An unchanged poll reads the link and the versions in one
 * BatchGetItem and, while an apel takes check-ins, one small query per OPD of the few
 * index keys of the last seconds (the regency's check-ins of a sesi have no partition
 * of their own: one would take the whole 07:30 spike).
 */

const OVERVIEW_STAMP = 'o1';

/** The OPD codes of the last full answer, with the roster version they were read at (a warm Lambda keeps them). */
let knownOpds: { roster: string; kode: string[] } | undefined;

export type OverviewCaller = Link & { poll: PollRead; pollDate: IsoDate | undefined; pollOpds: string[] };

interface OverviewStamp {
  date: IsoDate;
  after: number;
  until: number;
  /** The sesi whose check-ins may still come. */
  tail: string[];
  digest: string;
}

const formatOverviewStamp = (s: OverviewStamp) =>
  `"${OVERVIEW_STAMP}~${s.date}~${s.after.toString(36)}~${s.until.toString(36)}~${s.tail.map((id) => id.slice(11)).join('+') || '-'}~${s.digest}"`;

function parseOverviewStamp(header: string | undefined): OverviewStamp | undefined {
  for (const tag of (header ?? '').split(',')) {
    const m = /^"o1~(\d{4}-\d{2}-\d{2})~([0-9a-z]{1,12})~([0-9a-z]{1,12})~([a-z+-]{1,20})~([A-Za-z0-9_-]{22})"$/.exec(tag.trim().replace(/^W\//, ''));
    if (m) {
      const date = m[1] as IsoDate;
      const tail = m[4] === '-' ? [] : m[4]!.split('+').map((slot) => `${date}.${slot}`);
      return { date, after: parseInt(m[2]!, 36), until: parseInt(m[3]!, 36), tail, digest: m[5]! };
    }
  }
  return undefined;
}

const overviewVersionKeys = (date: IsoDate, opds: readonly string[]): VersionKey[] => [rosterVersionKey(), dayVersionKey(date), ...opds.map(notesVersionKey)];

/** Round trip 1 of `GET /api/admin/ringkasan`: the link and the overview's versions of the date, in one BatchGetItem. */
export async function overviewCaller(tokenHash: string, date: IsoDate | undefined): Promise<OverviewCaller | undefined> {
  const pollOpds = knownOpds?.kode ?? [];
  const poll = await readLinkAnd(tokenHash, date ? overviewVersionKeys(date, pollOpds) : []);
  return poll.link && { ...poll.link, poll, pollDate: date, pollOpds };
}

function overviewDigest(s: Omit<OverviewStamp, 'digest'>, opds: readonly string[], versions: (Version | undefined)[], tails: readonly string[], config: ApelConfig): string {
  const input = JSON.stringify([OVERVIEW_STAMP, configDigest(config), s, opds, versions.map((v) => v?.v ?? null), [...tails].sort()]);
  return createHash('sha256').update(input).digest('base64url').slice(0, 22);
}

export type OverviewAnswer = { notModified: true; etag: string } | { notModified: false; etag: string; overview: Awaited<ReturnType<typeof regencyOverview>> };

/** The overview for a poll: 304 while the request's ETag still stamps what it is made of. */
export async function pollOverview(who: OverviewCaller, date: IsoDate, ifNoneMatch: string | undefined, now: Date, config: ApelConfig): Promise<OverviewAnswer> {
  const read = who.pollDate === date ? overviewVersionKeys(date, who.pollOpds).map((k) => versionOf(who.poll.items.get(itemKey(k)))) : undefined;
  const seen = parseOverviewStamp(ifNoneMatch);
  // The OPD list is the one of the roster version read now: else the full answer.
  if (seen && read && seen.date === date && now.getTime() < seen.until && knownOpds && (read[0]?.v ?? '') === knownOpds.roster) {
    const afterIso = new Date(seen.after).toISOString();
    const tails = (
      await inParallel(
        seen.tail.flatMap((id) => who.pollOpds.map((opd) => ({ id, opd }))),
        CONCURRENCY,
        async ({ id, opd }) => (await checkinsAfter(id, opd, afterIso)).map((k) => `${id}|${opd}|${k}`),
      )
    ).flat();
    const { digest, ...stamp } = seen;
    if (overviewDigest(stamp, who.pollOpds, read, tails, config) === digest) return { notModified: true, etag: formatOverviewStamp(seen) };
  }

  // The versions, read before the lists: those of round trip 1 when it knew the OPDs (a warm function
  // and an unchanged roster version), else the OPD list now and then the versions of its OPDs.
  let versions = read;
  let listed: Opd[] | undefined;
  if (!read || !knownOpds || (read[0]?.v ?? '') !== knownOpds.roster) {
    listed = await listOpds();
    const codes = listed.map((o) => o.kode).sort();
    const { items } = await readLinkAnd(undefined, overviewVersionKeys(date, codes));
    versions = overviewVersionKeys(date, codes).map((k) => versionOf(items.get(itemKey(k))));
    knownOpds = { roster: versions[0]?.v ?? '', kode: codes };
  }
  const rosterRead = versions?.[0];
  const { overview, checkinKeys, opds, sesi } = await overviewWithKeys(date, now, config, rosterRead && { roster: rosterRead, now }, listed);
  const t = now.getTime();
  const after = t - CHECKIN_LAG_MS;
  const afterIso = new Date(after).toISOString();
  // The OPDs as of the roster version read before them: the stamp names their versions (an OPD added meanwhile: the next poll reads again).
  const sameOpds = knownOpds !== undefined && opds.length === knownOpds.kode.length && opds.every((o, i) => o === knownOpds!.kode[i]);
  const today = localDate(now, config.timeZone);
  const boundaries = sesi
    .flatMap((s) => [s.opensAt.getTime(), s.closesAt.getTime()])
    .concat(zonedInstant(addDays(today, 1), '00:00', config.timeZone).getTime(), t + MAX_STAMP_MS)
    .filter((b) => b > t);
  const latest = Math.max(0, ...(versions ?? []).map((v) => (v ? Date.parse(v.at) : 0)));
  if (latest + SETTLE_MS > t) boundaries.push(latest + SETTLE_MS);
  const stamp = { date, after, until: Math.min(...boundaries), tail: sesi.filter((s) => s.state !== 'terjadwal' && t < s.closesAt.getTime() + CHECKIN_LAG_MS).map((s) => s.id) };
  const tails = checkinKeys.filter(({ id, key }) => stamp.tail.includes(id) && key > afterIso).map(({ id, opd, key }) => `${id}|${opd}|${key}`);
  // Without this OPD list's versions from round trip 1 (a cold Lambda, an OPD added) the stamp cannot match: the next poll reads again.
  const digest = versions && sameOpds ? overviewDigest(stamp, opds, versions, tails, config) : 'x'.repeat(22);
  return { notModified: false, etag: formatOverviewStamp({ ...stamp, digest }), overview };
}
