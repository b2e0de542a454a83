import type { CheckinStatus } from '../core/checkin';
import { decideCheckin } from '../core/checkin';
import type { ReportRule } from '../core/config';
import { reportFor } from '../core/checkin';
import { Conflict } from '../core/errors';
import type { SesiSlot } from '../core/sesi';
import type { Checkin } from '../store/checkin-store';
import { findCheckin, loadLinkAndSesi, recordCheckin } from '../store/checkin-store';
import type { Link } from '../store/link-store';
import { findLink } from '../store/link-store';
import type { SesiRecord } from '../store/sesi-store';
import { anotherDevice } from '../core/presence';
import { passkeyReplayed } from '../core/passkey';
import { passkeyCounterAction } from '../store/passkey-store';
import { recordCheckinAndBind } from '../store/checkin-store';
import { bindAction, boundMarker } from '../store/device-store';
import type { PresenceSettings, ProofInput, ProvenCheckin } from './presence';
import { provenCheckin } from './presence';

/**
 * Round trip 2: the check-in, and in the same transaction on a first signed one the phone's
 * binding, with a passkey that counts its signatures its new counter (which must have gone up).
 */
function record(link: Link, tap: ProvenCheckin | undefined, checkin: Checkin) {
  const { bind, counted } = tap ?? {};
  if (bind) return recordCheckinAndBind(checkin, [bindAction(link, bind), boundMarker(link, bind)], anotherDevice);
  if (counted) return recordCheckinAndBind(checkin, [passkeyCounterAction(link, counted.id, counted.counter)], passkeyReplayed, true);
  return recordCheckin(checkin);
}

/** Only the numbers that were sent (DynamoDB refuses undefined). */
function networkReport(j: { ms?: number | undefined; ulang?: number | undefined }) {
  return { ...(j.ms !== undefined ? { ms: j.ms } : {}), ...(j.ulang !== undefined ? { ulang: j.ulang } : {}) };
}

/** The caller of a check-in, with the sesi they named, both from round trip 1. */
export type CheckinCaller = Link & { sesi: SesiRecord | undefined };

/**
 * Round trip 1: the link and the sesi the request names, in one read, so resolving the
 * caller before the body is validated costs nothing extra. A body without a usable sesi
 * id reads the link alone (the body's validation refuses it next).
 */
export async function checkinCaller(tokenHash: string, sesiId: string | undefined): Promise<CheckinCaller | undefined> {
  if (!sesiId) {
    const link = await findLink(tokenHash);
    return link && { ...link, sesi: undefined };
  }
  const { link, sesi } = await loadLinkAndSesi(tokenHash, sesiId);
  return link && { ...link, sesi };
}

/**
 * What happens when an ASN taps "Hadir": the link and the sesi already read (see
 * `checkinCaller`), the rule on the server's clock, one conditional write. Refusals write nothing; a retry
 * arriving after the close still learns that the first tap was recorded.
 */
export async function checkIn(
  link: CheckinCaller,
  sesiId: string,
  now: Date,
  formatClock: (d: Date) => string,
  statement: {
    laporan?: string | undefined;
    seragam?: boolean | undefined;
    jaringan?: { ms?: number | undefined; ulang?: number | undefined } | undefined;
    laporanRule: (slot: SesiSlot) => ReportRule;
  } = {
    laporanRule: () => 'opsional',
  },
  /** The proof the phone sent and what checks it (usecases/presence.ts); absent: no proof is asked (tests of other rules). */
  presence?: { proof: ProofInput | undefined; settings: PresenceSettings },
): Promise<{ checkin: Checkin; repeat: boolean }> {
  const sesi = link.sesi?.id === sesiId ? link.sesi : undefined;
  if (!sesi) throw new Conflict('SESI_TIDAK_ADA', 'Apel ini tidak dibuka: bukan hari apel WFA atau belum dijadwalkan.');

  // The phone first: a refusal for another phone is never taken for a repeat below.
  const proven = presence ? provenCheckin(link, { ...sesi, id: sesi.id }, presence.proof, now, presence.settings, formatClock) : undefined;
  let status: CheckinStatus;
  let tap: ProvenCheckin | undefined;
  try {
    tap = proven?.decide();
    status = tap ? tap.status : decideCheckin(now, sesi, formatClock);
  } catch (refusal) {
    const earlier = refusal instanceof Conflict ? await findCheckin(sesi.id, link.nip) : undefined;
    if (earlier) return { checkin: earlier, repeat: true };
    throw refusal;
  }
  let laporan: string | undefined;
  try {
    laporan = reportFor(sesi.slot, statement.laporan, statement.laporanRule(sesi.slot));
  } catch (refusal) {
    // A second phone tapping without the plan still learns that the first tap counted.
    const earlier = await findCheckin(sesi.id, link.nip);
    if (earlier) return { checkin: earlier, repeat: true };
    throw refusal;
  }
  return record(link, tap, {
    ...tap?.fields,
    sesiId: sesi.id,
    nip: link.nip,
    opd: link.opd,
    status,
    at: now.toISOString(),
    ...(laporan ? { laporan } : {}),
    ...(statement.seragam !== undefined ? { seragam: statement.seragam } : {}),
    ...(statement.jaringan ? { jaringan: networkReport(statement.jaringan) } : {}),
  });
}
