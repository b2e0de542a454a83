import type { Principal } from '../core/access';
import type { ApelConfig } from '../core/config';
import { zoneLabel } from '../core/config';
import { uniformOf } from '../core/sesi';
import { localDate } from '../core/time';
import type { Link } from '../store/link-store';
import { myWeek } from './my-week';
import { meetingLinksFor } from './opd/meeting-links';
import { answerCheck, runningCheckFor } from './opd/readiness';
import type { PresenceSettings, ProofInput } from './presence';
import { issueTicket, proveReadiness } from './presence';

/** The page's ticket (for the open sesi, else none) and where the link's binding stands. */
function myProof(who: Link, sesiId: string | null, now: Date, presence: PresenceSettings) {
  const requiredFrom = presence.config.perangkatWajibSejak;
  return {
    tiket: issueTicket(who.nip, sesiId, now, presence),
    sesiId,
    berlakuMenit: presence.config.tiketBerlakuMenit,
    perangkat: who.perangkat?.kid ?? null,
    menunggu: who.perangkatBaru?.kid ?? null,
    wajib: who.perangkat !== undefined || (requiredFrom !== undefined && localDate(now, presence.config.timeZone) >= requiredFrom),
    // Passkey mode: the link's passkey (the page then asks for the fingerprint at each tap), or null to offer registering one.
    ...(presence.config.buktiKehadiran === 'passkey' ? { passkey: who.passkey?.id ?? null } : {}),
  };
}

/**
 * GET /api/me — what an ASN's page shows: who the link belongs to, their OPD, today's
 * apel and this week's with their status, the day's uniform, the meeting links and a
 * running readiness check of their OPD.
 */
export async function asnPage(who: Link, now: Date, config: ApelConfig, presence: PresenceSettings) {
  const [week, tautanApel, kesiapan] = await Promise.all([myWeek(who, now, config), meetingLinksFor(who.opd, config), runningCheckFor(who, now)]);
  return {
    now: now.toISOString(),
    regency: config.regency,
    timeZone: config.timeZone,
    zoneLabel: zoneLabel(config.timeZone),
    ...week,
    // The demo apel, while open, asks for a uniform even on a day without one (core/sesi.ts uniformOf).
    seragam: uniformOf(config, localDate(now, config.timeZone), week.today.some((s) => s.demo && s.state === 'dibuka')),
    laporan: config.laporan,
    tautanApel,
    bantuan: config.bantuan ?? null,
    kesiapan: kesiapan && { id: kesiapan.id, pesan: kesiapan.pesan, mulai: kesiapan.mulai, batas: kesiapan.batas, dijawabPada: kesiapan.dijawabPada },
    bukti: myProof(who, week.today.find((s) => s.state === 'dibuka')?.id ?? null, now, presence),
  };
}

/** POST /api/kesiapan/{cekId} — "Saya siap": the ASN answers their OPD's readiness check. */
export async function answerReadiness(
  who: Link,
  cekId: string,
  now: Date,
  proof?: ProofInput,
  presence?: PresenceSettings,
): Promise<{ dijawabPada: string; repeat: boolean }> {
  // Signed by the bound phone like a check-in (usecases/presence.ts); nothing is written when refused.
  if (presence) proveReadiness(who, cekId, proof, now, presence);
  const { answer, repeat } = await answerCheck(who, cekId, now);
  return { dijawabPada: answer.at, repeat };
}
